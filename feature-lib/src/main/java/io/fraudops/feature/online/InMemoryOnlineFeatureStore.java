package io.fraudops.feature.online;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link OnlineFeatureStore} in memory, with exactly the semantics of {@link
 * RedisOnlineFeatureStore} (same members, window bounds, trimming, tie order and day-total
 * arithmetic), so a training set or a point-in-time export built by replaying history here has the
 * features serving computes. There are no TTLs: memory is bounded by the trimming of events, day
 * totals and labels, plus one first-seen mark per merchant, category, country and device a customer
 * used. Thread-safe: one lock for all, which is stricter than Redis's per-key atomicity and fine
 * for replays.
 */
public final class InMemoryOnlineFeatureStore implements OnlineFeatureStore {

  private final long retentionMillis;
  private final Map<String, Customer> customers = new HashMap<>();
  private final Map<String, Merchant> merchants = new HashMap<>();
  private final Map<String, Labels> categories = new HashMap<>();
  private final Map<String, ScoredSet> devices = new HashMap<>();

  public InMemoryOnlineFeatureStore(OnlineStoreSettings settings) {
    this.retentionMillis = Objects.requireNonNull(settings, "settings").eventRetention().toMillis();
  }

  public InMemoryOnlineFeatureStore() {
    this(OnlineStoreSettings.defaults());
  }

  @Override
  public synchronized CustomerHistory recordAndRead(Transaction tx) {
    long now = tx.epochMillis();
    Customer customer = customers.computeIfAbsent(tx.customerId(), id -> new Customer());
    Merchant merchant = merchants.computeIfAbsent(tx.merchantId(), id -> new Merchant());
    Labels category = categories.computeIfAbsent(tx.merchantCategory(), id -> new Labels());

    CustomerHistory mine = customer.recordAndRead(tx, retentionMillis);
    MerchantActivity merchantActivity = merchant.recordAndRead(tx);
    LabelCounts categoryLabels = category.countBefore(now);
    List<String> deviceCustomers = null;
    if (tx.deviceId() != null) {
      ScoredSet uses = devices.computeIfAbsent(tx.deviceId(), id -> new ScoredSet());
      deviceCustomers = new ArrayList<>();
      for (ScoredSet.Entry use : uses.range(now - ENTITY_WINDOW.toMillis(), now)) {
        deviceCustomers.add(EventMember.deviceUseCustomer(use.member()));
      }
      uses.add(EventMember.deviceUse(tx), now);
      uses.removeBelow(now - OnlineStoreSettings.ENTITY_RETENTION.toMillis());
    }
    return new CustomerHistory(
        mine.recent(),
        mine.merchantFirstSeenMillis(),
        mine.categoryFirstSeenMillis(),
        mine.countryFirstSeenMillis(),
        mine.deviceFirstSeenMillis(),
        mine.pastDays(),
        merchantActivity,
        categoryLabels,
        deviceCustomers);
  }

  @Override
  public synchronized void recordLabel(LabelEvent label) {
    merchants.computeIfAbsent(label.merchantId(), id -> new Merchant()).labels.record(label);
    categories.computeIfAbsent(label.merchantCategory(), id -> new Labels()).record(label);
  }

  /**
   * One customer's events, first-seen marks and day totals: the three Redis keys of the customer
   * script.
   */
  private static final class Customer {

    private final ScoredSet events = new ScoredSet();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final DayRing days = new DayRing();
    private long latestMillis = Long.MIN_VALUE;

    CustomerHistory recordAndRead(Transaction tx, long retentionMillis) {
      long now = tx.epochMillis();
      List<PastTransaction> recent = new ArrayList<>();
      for (ScoredSet.Entry event : events.range(now - HISTORY_WINDOW.toMillis(), now)) {
        recent.add((PastTransaction) event.value());
      }
      List<String> fields =
          new ArrayList<>(
              List.of(
                  EventMember.merchantField(tx),
                  EventMember.categoryField(tx),
                  EventMember.countryField(tx)));
      if (tx.deviceId() != null) {
        fields.add(EventMember.deviceField(tx));
      }
      List<Long> seen = fields.stream().map(firstSeen::get).toList();
      long today = DayTotals.epochDay(now);
      List<DayTotals> pastDays = new ArrayList<>(PAST_DAYS);
      for (long day = today - PAST_DAYS; day < today; day++) {
        pastDays.add(days.get(day));
      }
      CustomerHistory history =
          CustomerHistory.asOf(
              now,
              recent,
              seen.get(0),
              seen.get(1),
              seen.get(2),
              tx.deviceId() != null ? seen.get(3) : null,
              pastDays,
              MerchantActivity.NONE,
              LabelCounts.NONE,
              null);

      latestMillis = Math.max(latestMillis, now);
      // Too late to record: its event could already have been trimmed, so adding it again to the
      // day totals could count it twice. Redis makes the same call.
      // The event is decoded once, here, not at every read of the window: what Redis would answer.
      String member = EventMember.encode(tx);
      if (now >= latestMillis - retentionMillis
          && events.add(member, now, EventMember.decode(member, now))) {
        days.add(today, DayTotals.of(tx.amount().doubleValue(), now));
      }
      events.removeBelow(latestMillis - retentionMillis);
      days.trimBelow(DayTotals.epochDay(latestMillis) - OnlineStoreSettings.DAYS_KEPT);
      for (String field : fields) {
        firstSeen.merge(field, now, Math::min);
      }
      return history;
    }
  }

  /**
   * A customer's day totals by UTC day, as the Redis hash of the customer script holds them: the
   * days from {@link OnlineStoreSettings#DAYS_KEPT} before the latest day on. Kept in a ring of
   * slots, one per day number modulo its size, since every payment reads 30 of them.
   */
  private static final class DayRing {

    // Every live day is within DAYS_KEPT of the latest: a ring a little larger never wraps onto
    // one.
    private static final int SLOTS = OnlineStoreSettings.DAYS_KEPT + 2;

    private final long[] dayOf = new long[SLOTS];
    private final DayTotals[] totals = new DayTotals[SLOTS];
    private long trimmedBelow = Long.MIN_VALUE;

    DayRing() {
      java.util.Arrays.fill(dayOf, Long.MIN_VALUE);
    }

    DayTotals get(long day) {
      int slot = Math.floorMod(day, SLOTS);
      return day >= trimmedBelow && dayOf[slot] == day ? totals[slot] : DayTotals.NONE;
    }

    /** Adds to a day; a day it replaces in the ring is always one already trimmed. */
    void add(long day, DayTotals contribution) {
      int slot = Math.floorMod(day, SLOTS);
      if (dayOf[slot] == day && day >= trimmedBelow) {
        totals[slot] = totals[slot].plus(contribution);
      } else {
        dayOf[slot] = day;
        totals[slot] = contribution;
      }
    }

    /** Forgets the days below {@code day}, as the Lua script's HDEL does. */
    void trimBelow(long day) {
      trimmedBelow = Math.max(trimmedBelow, day);
    }
  }

  private static final class Merchant {

    private final ScoredSet payments = new ScoredSet();
    private final Labels labels = new Labels();

    MerchantActivity recordAndRead(Transaction tx) {
      long now = tx.epochMillis();
      MerchantActivity activity =
          new MerchantActivity(
              payments.count(now - MERCHANT_SHORT_WINDOW.toMillis(), now),
              payments.count(now - ENTITY_WINDOW.toMillis(), now),
              labels.countBefore(now));
      payments.add(tx.transactionId(), now);
      payments.removeBelow(now - OnlineStoreSettings.ENTITY_RETENTION.toMillis());
      return activity;
    }
  }

  /** All labels and the fraud ones, scored by when they became known. */
  private static final class Labels {

    private final ScoredSet all = new ScoredSet();
    private final ScoredSet fraud = new ScoredSet();

    void record(LabelEvent label) {
      String member = EventMember.label(label);
      long knownAt = label.knownAt().toEpochMilli();
      if (all.addIfAbsent(member, knownAt) && label.fraud()) {
        fraud.add(member, knownAt);
      }
      long before = knownAt - OnlineStoreSettings.LABEL_RETENTION.toMillis();
      all.removeBelow(before);
      fraud.removeBelow(before);
    }

    LabelCounts countBefore(long now) {
      long from = now - LABEL_WINDOW.toMillis();
      return new LabelCounts(all.count(from, now), fraud.count(from, now));
    }
  }
}
