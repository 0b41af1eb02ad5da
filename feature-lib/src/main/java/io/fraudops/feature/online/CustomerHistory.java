package io.fraudops.feature.online;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything the online store knew just before one transaction: the customer's recent payments and
 * long-term day totals, and the activity of the merchant, category and device involved.
 *
 * @param recent the customer's transactions strictly before it and at most {@link
 *     OnlineFeatureStore#HISTORY_WINDOW} older, oldest first
 * @param merchantFirstSeenMillis when the customer first paid this merchant, null if never; a value
 *     at or after the transaction's own timestamp means this transaction is the first, so a replay
 *     of it still reads "first time"
 * @param categoryFirstSeenMillis same, for the merchant category
 * @param countryFirstSeenMillis same, for the country
 * @param deviceFirstSeenMillis same, for the device; null too when the transaction has no device
 * @param pastDays the customer's totals of each of the {@link OnlineFeatureStore#PAST_DAYS} UTC
 *     days before the transaction's day, oldest first ({@link DayTotals#NONE} for a day without
 *     payments); empty when not read
 * @param merchant payments and labels of the transaction's merchant
 * @param category labels of the transaction's merchant category
 * @param deviceCustomers the customer of each payment made with the transaction's device in the 24
 *     h before it; null when the transaction has no device
 */
public record CustomerHistory(
    List<PastTransaction> recent,
    Long merchantFirstSeenMillis,
    Long categoryFirstSeenMillis,
    Long countryFirstSeenMillis,
    Long deviceFirstSeenMillis,
    List<DayTotals> pastDays,
    MerchantActivity merchant,
    LabelCounts category,
    List<String> deviceCustomers) {

  private static final CustomerHistory EMPTY = new CustomerHistory(List.of(), null, null, null);

  public CustomerHistory {
    recent = List.copyOf(Objects.requireNonNull(recent, "recent"));
    for (int i = 1; i < recent.size(); i++) {
      if (recent.get(i).epochMillis() < recent.get(i - 1).epochMillis()) {
        throw new IllegalArgumentException("recent transactions must be oldest first");
      }
    }
    pastDays = List.copyOf(Objects.requireNonNull(pastDays, "pastDays"));
    if (!pastDays.isEmpty() && pastDays.size() != OnlineFeatureStore.PAST_DAYS) {
      throw new IllegalArgumentException(
          "pastDays must hold "
              + OnlineFeatureStore.PAST_DAYS
              + " days or none (got "
              + pastDays.size()
              + ")");
    }
    Objects.requireNonNull(merchant, "merchant");
    Objects.requireNonNull(category, "category");
    deviceCustomers =
        deviceCustomers == null
            ? null
            : Collections.unmodifiableList(new ArrayList<>(deviceCustomers));
  }

  /** Only the customer's recent payments and first-seen marks, as catalogue v1 needs. */
  public CustomerHistory(
      List<PastTransaction> recent,
      Long merchantFirstSeenMillis,
      Long categoryFirstSeenMillis,
      Long countryFirstSeenMillis) {
    this(
        recent,
        merchantFirstSeenMillis,
        categoryFirstSeenMillis,
        countryFirstSeenMillis,
        null,
        List.of(),
        MerchantActivity.NONE,
        LabelCounts.NONE,
        null);
  }

  /**
   * The history as of a transaction at {@code epochMillis}: first-seen marks at or after it (left
   * by this very transaction, or by a later one that arrived first) read as never seen. Stores
   * build histories this way so a replayed transaction gets exactly the history of its first
   * recording.
   */
  public static CustomerHistory asOf(
      long epochMillis,
      List<PastTransaction> recent,
      Long merchantFirstSeenMillis,
      Long categoryFirstSeenMillis,
      Long countryFirstSeenMillis) {
    return new CustomerHistory(
        recent,
        before(merchantFirstSeenMillis, epochMillis),
        before(categoryFirstSeenMillis, epochMillis),
        before(countryFirstSeenMillis, epochMillis));
  }

  /** As {@link #asOf(long, List, Long, Long, Long)}, with everything a v2 catalogue reads. */
  public static CustomerHistory asOf(
      long epochMillis,
      List<PastTransaction> recent,
      Long merchantFirstSeenMillis,
      Long categoryFirstSeenMillis,
      Long countryFirstSeenMillis,
      Long deviceFirstSeenMillis,
      List<DayTotals> pastDays,
      MerchantActivity merchant,
      LabelCounts category,
      List<String> deviceCustomers) {
    return new CustomerHistory(
        recent,
        before(merchantFirstSeenMillis, epochMillis),
        before(categoryFirstSeenMillis, epochMillis),
        before(countryFirstSeenMillis, epochMillis),
        before(deviceFirstSeenMillis, epochMillis),
        pastDays,
        merchant,
        category,
        deviceCustomers);
  }

  private static Long before(Long firstSeenMillis, long epochMillis) {
    return firstSeenMillis != null && firstSeenMillis < epochMillis ? firstSeenMillis : null;
  }

  /** A customer never seen before. */
  public static CustomerHistory empty() {
    return EMPTY;
  }
}
