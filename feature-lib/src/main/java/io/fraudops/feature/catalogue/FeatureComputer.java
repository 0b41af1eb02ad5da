package io.fraudops.feature.catalogue;

import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.PastTransaction;
import io.fraudops.feature.transaction.Channel;
import io.fraudops.feature.transaction.Transaction;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a transaction and what we know of its customer into model inputs. A pure function, and the
 * only one: serving and training both call it, so the model is scored on exactly the features it was
 * trained on. Thread-safe.
 */
public final class FeatureComputer {

    static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    /** Below a minute, timestamps and coordinates are too coarse for a speed to mean anything. */
    static final long MIN_TRAVEL_MILLIS = Duration.ofMinutes(1).toMillis();
    static final int LAST_NIGHT_HOUR = 5;

    private static final Set<String> KNOWN = Set.of("amount", "txn_count_1h", "txn_amount_1h", "txn_count_24h",
            "txn_amount_24h", "amount_to_avg_ratio", "hour_of_day", "is_night", "distance_from_home_km",
            "distance_from_last_km", "seconds_since_last", "speed_from_last_kmh", "first_time_merchant",
            "first_time_category", "first_time_country", "is_ecommerce");

    private final FeatureCatalogue catalogue;

    public FeatureComputer(FeatureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        for (String name : catalogue.names()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("no computation for feature " + name);
            }
        }
    }

    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    /**
     * @param history the customer's history before {@code tx}; null when it could not be read, which
     *                leaves the history features at their missing value (an empty history is a new
     *                customer, not a missing one)
     * @param profile null for a customer without a profile: times are then read in UTC
     */
    public FeatureVector compute(Transaction tx, CustomerHistory history, CustomerProfile profile) {
        return compute(tx, history, profile, true);
    }

    /** As {@link #compute}, for when the profile store could not be read: profile features are missing. */
    public FeatureVector computeWithoutProfile(Transaction tx, CustomerHistory history) {
        return compute(tx, history, null, false);
    }

    private FeatureVector compute(Transaction tx, CustomerHistory history, CustomerProfile profile,
                                  boolean profileKnown) {
        Objects.requireNonNull(tx, "tx");
        Map<String, Double> raw = new HashMap<>();
        double amount = tx.amount().doubleValue();
        raw.put("amount", amount);
        raw.put("is_ecommerce", flag(Channel.ECOM.name().equals(tx.channel())));
        if (history != null) {
            putHistoryFeatures(tx, history, raw);
        }
        if (profileKnown) {
            putProfileFeatures(tx, profile, amount, raw);
        }
        double[] values = new double[catalogue.size()];
        for (int i = 0; i < values.length; i++) {
            FeatureDefinition definition = catalogue.definitions().get(i);
            Double value = raw.get(definition.name());
            values[i] = value == null ? definition.valueWhenMissing() : value;
        }
        return new FeatureVector(catalogue, values);
    }

    private static void putHistoryFeatures(Transaction tx, CustomerHistory history, Map<String, Double> raw) {
        long now = tx.epochMillis();
        int count1h = 0;
        int count24h = 0;
        double sum1h = 0;
        double sum24h = 0;
        PastTransaction last = null;
        PastTransaction lastLocated = null;
        // Windows are [now - window, now): the store already filters, but the computer must not depend
        // on how carefully each store does it.
        for (PastTransaction past : history.recent()) {
            long t = past.epochMillis();
            if (t >= now || t < now - DAY_MILLIS) {
                continue;
            }
            count24h++;
            sum24h += past.amount();
            if (t >= now - HOUR_MILLIS) {
                count1h++;
                sum1h += past.amount();
            }
            if (last == null || t >= last.epochMillis()) {
                last = past;
            }
            if (past.hasLocation() && (lastLocated == null || t >= lastLocated.epochMillis())) {
                lastLocated = past;
            }
        }
        raw.put("txn_count_1h", (double) count1h);
        raw.put("txn_amount_1h", sum1h);
        raw.put("txn_count_24h", (double) count24h);
        raw.put("txn_amount_24h", sum24h);
        if (last != null) {
            raw.put("seconds_since_last", (now - last.epochMillis()) / 1000.0);
        }
        if (lastLocated != null && tx.hasLocation()) {
            double km = Geo.kilometres(lastLocated.latitude(), lastLocated.longitude(), tx.latitude(), tx.longitude());
            double hours = Math.max(now - lastLocated.epochMillis(), MIN_TRAVEL_MILLIS) / (double) HOUR_MILLIS;
            raw.put("distance_from_last_km", km);
            raw.put("speed_from_last_kmh", km / hours);
        }
        raw.put("first_time_merchant", firstTime(history.merchantFirstSeenMillis(), now));
        raw.put("first_time_category", firstTime(history.categoryFirstSeenMillis(), now));
        raw.put("first_time_country", firstTime(history.countryFirstSeenMillis(), now));
    }

    private static void putProfileFeatures(Transaction tx, CustomerProfile profile, double amount,
                                           Map<String, Double> raw) {
        int hour = tx.timestamp().atZone(profile == null ? ZoneOffset.UTC : profile.zoneOrUtc()).getHour();
        raw.put("hour_of_day", (double) hour);
        raw.put("is_night", flag(hour <= LAST_NIGHT_HOUR));
        if (profile == null) {
            return;
        }
        raw.put("amount_to_avg_ratio", amount / profile.usualAmount());
        if (profile.hasHome() && tx.hasLocation()) {
            raw.put("distance_from_home_km",
                    Geo.kilometres(profile.homeLatitude(), profile.homeLongitude(), tx.latitude(), tx.longitude()));
        }
    }

    private static double firstTime(Long firstSeenMillis, long now) {
        return flag(firstSeenMillis == null || firstSeenMillis >= now);
    }

    private static double flag(boolean value) {
        return value ? 1.0 : 0.0;
    }
}
