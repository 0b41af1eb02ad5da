package io.fraudops.feature.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.fraudops.feature.catalogue.FeatureType.FLAG;
import static io.fraudops.feature.catalogue.FeatureType.NUMERIC;

/**
 * The ordered list of model inputs. The order is the column order of training sets and model input
 * vectors, so a catalogue version, once a model is trained on it, never changes: add a new version.
 */
public final class FeatureCatalogue {

    private static final FeatureCatalogue V1 = new FeatureCatalogue("v1", List.of(
            new FeatureDefinition("amount", NUMERIC, "-", 0, "transaction amount"),
            new FeatureDefinition("txn_count_1h", NUMERIC, "1h", 0,
                    "customer's transactions in the hour before this one"),
            new FeatureDefinition("txn_amount_1h", NUMERIC, "1h", 0,
                    "sum of the customer's amounts in the hour before this one"),
            new FeatureDefinition("txn_count_24h", NUMERIC, "24h", 0,
                    "customer's transactions in the 24 hours before this one"),
            new FeatureDefinition("txn_amount_24h", NUMERIC, "24h", 0,
                    "sum of the customer's amounts in the 24 hours before this one"),
            new FeatureDefinition("amount_to_avg_ratio", NUMERIC, "-", 1,
                    "amount divided by the customer's usual amount (profile)"),
            new FeatureDefinition("hour_of_day", NUMERIC, "-", 12,
                    "local hour in the customer's time zone (profile), UTC if none"),
            new FeatureDefinition("is_night", FLAG, "-", 0, "local hour is between 0 and 5"),
            new FeatureDefinition("distance_from_home_km", NUMERIC, "-", 0,
                    "great-circle distance from the customer's home (profile)"),
            new FeatureDefinition("distance_from_last_km", NUMERIC, "24h", 0,
                    "distance from the customer's last located transaction"),
            new FeatureDefinition("seconds_since_last", NUMERIC, "24h", 86_400,
                    "seconds since the customer's previous transaction, 86400 if none in 24 h"),
            new FeatureDefinition("speed_from_last_kmh", NUMERIC, "24h", 0,
                    "travel speed implied by the last located transaction (impossible travel)"),
            new FeatureDefinition("first_time_merchant", FLAG, "-", 0, "customer never paid this merchant before"),
            new FeatureDefinition("first_time_category", FLAG, "-", 0,
                    "customer never paid in this merchant category before"),
            new FeatureDefinition("first_time_country", FLAG, "-", 0, "customer never paid in this country before"),
            new FeatureDefinition("is_ecommerce", FLAG, "-", 0, "card-not-present online payment")));

    private final String version;
    private final List<FeatureDefinition> definitions;
    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private FeatureCatalogue(String version, List<FeatureDefinition> definitions) {
        this.version = version;
        this.definitions = List.copyOf(definitions);
        this.names = this.definitions.stream().map(FeatureDefinition::name).toList();
        for (int i = 0; i < names.size(); i++) {
            if (indexByName.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate feature " + names.get(i));
            }
        }
    }

    public static FeatureCatalogue v1() {
        return V1;
    }

    public String version() {
        return version;
    }

    public List<FeatureDefinition> definitions() {
        return definitions;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return definitions.size();
    }

    /** The column of a feature, or -1 when the catalogue has no such feature. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    public FeatureDefinition definition(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("feature catalogue " + version + " has no feature " + name);
        }
        return definitions.get(index);
    }

    @Override
    public String toString() {
        return "FeatureCatalogue " + version + " " + names;
    }
}
