package io.fraudops.feature.online;

import java.time.Duration;
import java.util.Objects;

/**
 * @param keyPrefix      prepended to every key, so several environments can share one Redis
 * @param eventRetention how long a customer's events are kept; at least the 24 h history window, a
 *                       little more so late-arriving transactions still see their full window
 * @param firstSeenTtl   how long first-seen marks survive a customer's inactivity; after that every
 *                       merchant, category and country is "first time" again
 */
public record OnlineStoreSettings(String keyPrefix, Duration eventRetention, Duration firstSeenTtl) {

    public static final String DEFAULT_KEY_PREFIX = "fraud:features:";
    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofHours(25);
    public static final Duration DEFAULT_FIRST_SEEN_TTL = Duration.ofDays(180);

    public OnlineStoreSettings {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        // A brace in the prefix would become the cluster hash tag and put every customer on one slot.
        if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
            throw new IllegalArgumentException("keyPrefix must not contain braces (got " + keyPrefix + ")");
        }
        Objects.requireNonNull(eventRetention, "eventRetention");
        Objects.requireNonNull(firstSeenTtl, "firstSeenTtl");
        if (eventRetention.compareTo(OnlineFeatureStore.HISTORY_WINDOW) < 0) {
            throw new IllegalArgumentException("eventRetention must be at least "
                    + OnlineFeatureStore.HISTORY_WINDOW + " (got " + eventRetention + ")");
        }
        if (firstSeenTtl.compareTo(eventRetention) < 0) {
            throw new IllegalArgumentException("firstSeenTtl must be at least eventRetention (got " + firstSeenTtl + ")");
        }
    }

    public static OnlineStoreSettings defaults() {
        return new OnlineStoreSettings(DEFAULT_KEY_PREFIX, DEFAULT_EVENT_RETENTION, DEFAULT_FIRST_SEEN_TTL);
    }

    public OnlineStoreSettings withKeyPrefix(String prefix) {
        return new OnlineStoreSettings(prefix, eventRetention, firstSeenTtl);
    }
}
