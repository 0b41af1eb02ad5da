package io.fraudops.feature.online;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link OnlineFeatureStore} on Redis. Per transaction, ONE round trip: a pipeline of up to four
 * EVALSHA calls, one per hash slot involved, each an atomic Lua script ({@link RedisScripts}) that
 * reads the window before the transaction and then records it.
 *
 * <p>Keys, each with a TTL and trimmed to its retention so memory stays bounded:
 *
 * <ul>
 *   <li>customer {id}: a sorted set of 7 d of events (score = epoch millis, member = {@link
 *       EventMember}), a hash of first-seen millis, and a hash of per-UTC-day totals for the 30-day
 *       features;
 *   <li>merchant {m:id}: a sorted set of 25 h of payment ids, and sorted sets of labels and fraud
 *       labels (score = when the label became known, member = source|transaction id) for 91 d;
 *   <li>category {cat:code}: label sorted sets as for merchants;
 *   <li>device {d:id}: a sorted set of 25 h of customer|transaction id uses.
 * </ul>
 *
 * Replaying a transaction or a label re-adds the same members, which changes nothing. Thread-safe
 * as far as the given client is (JedisPooled is).
 */
public final class RedisOnlineFeatureStore implements OnlineFeatureStore {

  private final UnifiedJedis redis;
  private final OnlineStoreSettings settings;

  public RedisOnlineFeatureStore(UnifiedJedis redis, OnlineStoreSettings settings) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public RedisOnlineFeatureStore(UnifiedJedis redis) {
    this(redis, OnlineStoreSettings.defaults());
  }

  @Override
  public CustomerHistory recordAndRead(Transaction tx) {
    long now = tx.epochMillis();
    List<Call> calls = new ArrayList<>(4);
    calls.add(customerCall(tx));
    calls.add(
        new Call(
            RedisScripts.MERCHANT,
            List.of(
                merchantPaymentsKey(tx.merchantId()),
                merchantLabelsKey(tx.merchantId()),
                merchantFraudLabelsKey(tx.merchantId())),
            List.of(
                Long.toString(now),
                tx.transactionId(),
                Long.toString(now - MERCHANT_SHORT_WINDOW.toMillis()),
                Long.toString(now - ENTITY_WINDOW.toMillis()),
                Long.toString(now - LABEL_WINDOW.toMillis()),
                Long.toString(now - OnlineStoreSettings.ENTITY_RETENTION.toMillis()),
                Long.toString(OnlineStoreSettings.ENTITY_RETENTION.toMillis()))));
    calls.add(
        new Call(
            RedisScripts.LABEL_COUNTS,
            List.of(
                categoryLabelsKey(tx.merchantCategory()),
                categoryFraudLabelsKey(tx.merchantCategory())),
            List.of(Long.toString(now), Long.toString(now - LABEL_WINDOW.toMillis()))));
    if (tx.deviceId() != null) {
      calls.add(
          new Call(
              RedisScripts.DEVICE,
              List.of(deviceKey(tx.deviceId())),
              List.of(
                  Long.toString(now),
                  EventMember.deviceUse(tx),
                  Long.toString(now - ENTITY_WINDOW.toMillis()),
                  Long.toString(now - OnlineStoreSettings.ENTITY_RETENTION.toMillis()),
                  Long.toString(OnlineStoreSettings.ENTITY_RETENTION.toMillis()))));
    }
    List<Object> replies = run(calls);
    return toHistory(tx, replies);
  }

  @Override
  public void recordLabel(LabelEvent label) {
    long knownAt = label.knownAt().toEpochMilli();
    List<String> args =
        List.of(
            EventMember.label(label),
            Long.toString(knownAt),
            label.fraud() ? "1" : "0",
            Long.toString(knownAt - OnlineStoreSettings.LABEL_RETENTION.toMillis()),
            Long.toString(OnlineStoreSettings.LABEL_RETENTION.toMillis()));
    run(
        List.of(
            new Call(
                RedisScripts.LABEL,
                List.of(
                    merchantLabelsKey(label.merchantId()),
                    merchantFraudLabelsKey(label.merchantId())),
                args),
            new Call(
                RedisScripts.LABEL,
                List.of(
                    categoryLabelsKey(label.merchantCategory()),
                    categoryFraudLabelsKey(label.merchantCategory())),
                args)));
  }

  private Call customerCall(Transaction tx) {
    long now = tx.epochMillis();
    DayTotals contribution = DayTotals.of(tx.amount().doubleValue(), now);
    List<String> fields =
        new ArrayList<>(
            List.of(
                EventMember.merchantField(tx),
                EventMember.categoryField(tx),
                EventMember.countryField(tx)));
    if (tx.deviceId() != null) {
      fields.add(EventMember.deviceField(tx));
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                Long.toString(now),
                EventMember.encode(tx),
                Long.toString(now - HISTORY_WINDOW.toMillis()),
                Long.toString(settings.eventRetention().toMillis()),
                Long.toString(settings.eventRetention().toMillis()),
                Long.toString(settings.firstSeenTtl().toMillis()),
                Long.toString(settings.daysTtl().toMillis()),
                Long.toString(DayTotals.epochDay(now)),
                Integer.toString(OnlineStoreSettings.DAYS_KEPT),
                Double.toString(contribution.sum()),
                Double.toString(contribution.sumOfSquares()),
                Double.toString(contribution.sumOfCos()),
                Double.toString(contribution.sumOfSin()),
                Integer.toString(fields.size())));
    args.addAll(fields);
    return new Call(
        RedisScripts.CUSTOMER,
        List.of(
            eventsKey(tx.customerId()), firstSeenKey(tx.customerId()), daysKey(tx.customerId())),
        args);
  }

  public String eventsKey(String customerId) {
    return settings.keyPrefix() + hashTag("", customerId) + ":events";
  }

  public String firstSeenKey(String customerId) {
    return settings.keyPrefix() + hashTag("", customerId) + ":first-seen";
  }

  public String daysKey(String customerId) {
    return settings.keyPrefix() + hashTag("", customerId) + ":days";
  }

  public String merchantPaymentsKey(String merchantId) {
    return settings.keyPrefix() + hashTag("m:", merchantId) + ":payments";
  }

  public String merchantLabelsKey(String merchantId) {
    return settings.keyPrefix() + hashTag("m:", merchantId) + ":labels";
  }

  public String merchantFraudLabelsKey(String merchantId) {
    return settings.keyPrefix() + hashTag("m:", merchantId) + ":fraud-labels";
  }

  public String categoryLabelsKey(String category) {
    return settings.keyPrefix() + hashTag("cat:", category) + ":labels";
  }

  public String categoryFraudLabelsKey(String category) {
    return settings.keyPrefix() + hashTag("cat:", category) + ":fraud-labels";
  }

  public String deviceKey(String deviceId) {
    return settings.keyPrefix() + hashTag("d:", deviceId) + ":uses";
  }

  private record Call(LuaScript script, List<String> keys, List<String> args) {}

  /**
   * All calls in one pipeline: one network round trip, although the keys live in different hash
   * slots. A call whose script Redis no longer caches (restart, SCRIPT FLUSH) is re-sent with EVAL,
   * which caches it again; the scripts are idempotent, so calls that did run are not repeated.
   */
  private List<Object> run(List<Call> calls) {
    try {
      List<Response<Object>> responses = new ArrayList<>(calls.size());
      try (AbstractPipeline pipeline = redis.pipelined()) {
        for (Call call : calls) {
          responses.add(pipeline.evalsha(call.script().sha(), call.keys(), call.args()));
        }
        pipeline.sync();
      }
      List<Object> replies = new ArrayList<>(calls.size());
      for (int i = 0; i < calls.size(); i++) {
        try {
          replies.add(responses.get(i).get());
        } catch (JedisDataException e) {
          if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
            throw e;
          }
          Call call = calls.get(i);
          replies.add(redis.eval(call.script().source(), call.keys(), call.args()));
        }
      }
      return replies;
    } catch (JedisException e) {
      throw new FeatureStoreUnavailableException(
          "Redis did not answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }

  private static CustomerHistory toHistory(Transaction tx, List<Object> replies) {
    List<?> customer = (List<?>) replies.get(0);
    List<?> flat = (List<?>) customer.get(0);
    List<?> seen = (List<?>) customer.get(1);
    List<?> days = (List<?>) customer.get(2);
    List<PastTransaction> recent = new ArrayList<>(flat.size() / 2);
    for (int i = 0; i < flat.size(); i += 2) {
      // Redis prints a millisecond score as an exact integer ("1714567890123"); parse it as a
      // double
      // anyway in case a future version prints an exponent.
      long epochMillis = (long) Double.parseDouble(text(flat.get(i + 1)));
      recent.add(EventMember.decode(text(flat.get(i)), epochMillis));
    }
    List<DayTotals> pastDays = new ArrayList<>(days.size());
    for (Object day : days) {
      pastDays.add(day == null ? DayTotals.NONE : dayTotals(text(day)));
    }
    List<?> merchant = (List<?>) replies.get(1);
    List<?> category = (List<?>) replies.get(2);
    List<String> deviceCustomers = null;
    if (tx.deviceId() != null) {
      deviceCustomers = new ArrayList<>();
      for (Object use : (List<?>) replies.get(3)) {
        deviceCustomers.add(EventMember.deviceUseCustomer(text(use)));
      }
    }
    return CustomerHistory.asOf(
        tx.epochMillis(),
        recent,
        millis(seen, 0),
        millis(seen, 1),
        millis(seen, 2),
        tx.deviceId() != null ? millis(seen, 3) : null,
        pastDays,
        new MerchantActivity(
            number(merchant, 0),
            number(merchant, 1),
            new LabelCounts(number(merchant, 2), number(merchant, 3))),
        new LabelCounts(number(category, 0), number(category, 1)),
        deviceCustomers);
  }

  private static DayTotals dayTotals(String packed) {
    String[] parts = packed.split("\\|");
    return new DayTotals(
        Long.parseLong(parts[0]),
        Double.parseDouble(parts[1]),
        Double.parseDouble(parts[2]),
        Double.parseDouble(parts[3]),
        Double.parseDouble(parts[4]));
  }

  private static long number(List<?> reply, int index) {
    return ((Number) reply.get(index)).longValue();
  }

  private static Long millis(List<?> seen, int index) {
    Object value = index < seen.size() ? seen.get(index) : null;
    return value == null ? null : Long.valueOf(text(value));
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : value.toString();
  }

  // Braces inside an id would change which part of the key Redis Cluster hashes; percent-encoding
  // them keeps the tag exactly the id and the mapping one-to-one. The kind keeps a merchant "x" and
  // a
  // customer "x" on different slots.
  private static String hashTag(String kind, String id) {
    String safe = id.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
    return "{" + kind + safe + "}";
  }
}
