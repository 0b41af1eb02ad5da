package io.fraudops.feature.online;

import java.time.Duration;
import java.util.Objects;

/**
 * @param keyPrefix prepended to every key, so several environments can share one Redis
 * @param eventRetention how long a customer's events are kept; at least the 7 d history window, a
 *     little more so late-arriving transactions still see their full window. A transaction dated
 *     more than this before the customer's latest one is too late to record (it is still answered).
 * @param firstSeenTtl how long first-seen marks survive a customer's inactivity; after that every
 *     merchant, category and country is "first time" again
 */
public record OnlineStoreSettings(
    String keyPrefix, Duration eventRetention, Duration firstSeenTtl) {

  public static final String DEFAULT_KEY_PREFIX = "fraud:features:";
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(7).plusHours(1);
  public static final Duration DEFAULT_FIRST_SEEN_TTL = Duration.ofDays(180);

  /** Merchant and device payments: the 24 h window and an hour for stragglers. */
  public static final Duration ENTITY_RETENTION = OnlineFeatureStore.ENTITY_WINDOW.plusHours(1);

  /** Labels: the 90 d label window and a day for stragglers. */
  public static final Duration LABEL_RETENTION = OnlineFeatureStore.LABEL_WINDOW.plusDays(1);

  /**
   * Day totals kept behind the customer's latest day: the 30 days read, plus the days a straggler
   * still inside the event retention may reach back.
   */
  public static final int DAYS_KEPT = OnlineFeatureStore.PAST_DAYS + 8;

  public OnlineStoreSettings {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    // A brace in the prefix would become the cluster hash tag and put every customer on one slot.
    if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
      throw new IllegalArgumentException(
          "keyPrefix must not contain braces (got " + keyPrefix + ")");
    }
    Objects.requireNonNull(eventRetention, "eventRetention");
    Objects.requireNonNull(firstSeenTtl, "firstSeenTtl");
    if (eventRetention.compareTo(OnlineFeatureStore.HISTORY_WINDOW) < 0
        || eventRetention.compareTo(Duration.ofDays(DAYS_KEPT - OnlineFeatureStore.PAST_DAYS))
            > 0) {
      throw new IllegalArgumentException(
          "eventRetention must be between "
              + OnlineFeatureStore.HISTORY_WINDOW
              + " and 8 days (got "
              + eventRetention
              + ")");
    }
    if (firstSeenTtl.compareTo(eventRetention) < 0) {
      throw new IllegalArgumentException(
          "firstSeenTtl must be at least eventRetention (got " + firstSeenTtl + ")");
    }
  }

  public static OnlineStoreSettings defaults() {
    return new OnlineStoreSettings(
        DEFAULT_KEY_PREFIX, DEFAULT_EVENT_RETENTION, DEFAULT_FIRST_SEEN_TTL);
  }

  public OnlineStoreSettings withKeyPrefix(String prefix) {
    return new OnlineStoreSettings(prefix, eventRetention, firstSeenTtl);
  }

  /** How long a customer's day totals survive inactivity. */
  Duration daysTtl() {
    return Duration.ofDays(DAYS_KEPT);
  }
}
