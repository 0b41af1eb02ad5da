package io.fraudops.feature.online;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureComputer;
import io.fraudops.feature.catalogue.FeatureVector;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.testsupport.CountingSocketFactory;
import io.fraudops.feature.testsupport.EmbeddedRedis;
import io.fraudops.feature.transaction.Transaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisOnlineFeatureStoreTest extends OnlineFeatureStoreContract {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static EmbeddedRedis redis;
  private static JedisPooled client;

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start();
    client = redis.client();
  }

  @AfterAll
  static void stopRedis() {
    client.close();
    redis.stop();
  }

  @Override
  RedisOnlineFeatureStore store() {
    return new RedisOnlineFeatureStore(
        client, SETTINGS.withKeyPrefix("t" + PREFIXES.incrementAndGet() + ":"));
  }

  @Test
  void bothKeysOfACustomerShareOneClusterSlotAndExpire() {
    RedisOnlineFeatureStore store = store();
    store.recordAndRead(tx("k1", T0).customer("ttl{odd}%id").build());

    String events = store.eventsKey("ttl{odd}%id");
    String firstSeen = store.firstSeenKey("ttl{odd}%id");

    assertThat(events).contains("{ttl%7Bodd%7D%25id}");
    assertThat(JedisClusterCRC16.getSlot(events)).isEqualTo(JedisClusterCRC16.getSlot(firstSeen));
    assertThat(client.pttl(events)).isCloseTo(SETTINGS.eventRetention().toMillis(), within(5_000L));
    assertThat(client.pttl(firstSeen))
        .isCloseTo(SETTINGS.firstSeenTtl().toMillis(), within(5_000L));
    assertThat(client.hgetAll(firstSeen))
        .containsOnlyKeys("merchant:M1", "category:grocery", "country:US");
  }

  @Test
  void aCustomersEventsStayWithinTheRetention() {
    RedisOnlineFeatureStore store = store();
    for (int i = 0; i < 9 * 24 * 4; i++) {
      store.recordAndRead(tx("b" + i, minutes(15L * i)).customer("busy").build());
    }

    long kept = client.zcard(store.eventsKey("busy"));

    assertThat(kept)
        .as("7 d 1 h of one transaction every 15 minutes")
        .isEqualTo((7 * 24 + 1) * 4 + 1);
  }

  @Test
  void oneScriptCallPerTransactionAndItSurvivesAScriptCacheFlush() {
    RedisOnlineFeatureStore store = store();
    store.recordAndRead(tx("s0", T0).customer("script").build());
    client.scriptFlush();
    client.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");

    for (int i = 1; i <= 10; i++) {
      store.recordAndRead(tx("s" + i, minutes(i)).customer("script").build());
    }

    String stats = client.info("commandstats");
    // Customer, merchant and category scripts: the test transactions carry no device.
    assertThat(stats).contains("cmdstat_evalsha:calls=30,").contains("cmdstat_eval:calls=3,");
    assertThat(stats).doesNotContain("cmdstat_script:");
  }

  @Test
  void givesTheSameV2FeaturesAsTheInMemoryStoreForAGeneratedHistoryAndReplaysChangeNothing() {
    // 60 customers at about 3 payments a day: 6,000 payments span a month, so day totals, analyst
    // labels (and a few chargebacks) are all exercised.
    SyntheticWorld world = SyntheticWorld.create(11, 60, 40);
    List<HistoryEvent> history =
        new TransactionGenerator(
                world,
                GeneratorSettings.defaults(11)
                    .withTransactionsPerSecond(60 * 3 / 86_400.0)
                    .withRates(0.05, 0.01))
            .history()
            .limit(6_000)
            .toList();
    FeatureComputer computer = new FeatureComputer(FeatureCatalogue.v2());
    CustomerProfiles profiles = CustomerProfiles.of(world.profiles());
    RedisOnlineFeatureStore inRedis = store();
    OnlineFeatureStore inMemory = new InMemoryOnlineFeatureStore(SETTINGS);

    Map<String, Integer> exercised = new TreeMap<>();
    for (HistoryEvent event : history) {
      replay(event, computer, profiles, inRedis, inMemory, exercised);
    }
    assertThat(exercised)
        .as("the history exercises every kind of state")
        .hasEntrySatisfying("txn_count_7d", n -> assertThat(n).isGreaterThan(3_000))
        .hasEntrySatisfying("amount_zscore_30d", n -> assertThat(n).isGreaterThan(2_000))
        .hasEntrySatisfying("hour_deviation_30d", n -> assertThat(n).isGreaterThan(2_000))
        .hasEntrySatisfying("merchant_txn_count_24h", n -> assertThat(n).isGreaterThan(3_000))
        .hasEntrySatisfying("device_txn_count_24h", n -> assertThat(n).isGreaterThan(1_000))
        .hasEntrySatisfying("device_other_customers_24h", n -> assertThat(n).isPositive())
        .hasEntrySatisfying("merchant_fraud_rate_90d", n -> assertThat(n).isGreaterThan(1_000))
        .hasEntrySatisfying("category_fraud_rate_90d", n -> assertThat(n).isGreaterThan(3_000));
    assertThat(history)
        .filteredOn(e -> e instanceof LabelEvent l && l.source().equals("chargeback"))
        .isNotEmpty();

    // Replaying the last 1,000 events (payments and labels) again: idempotent, on real data, in
    // both
    // stores, and not a byte of Redis state changes.
    Map<String, Object> before = snapshot("t" + PREFIXES.get() + ":");
    for (HistoryEvent event : history.subList(history.size() - 1_000, history.size())) {
      replay(event, computer, profiles, inRedis, inMemory, new TreeMap<>());
    }
    assertThat(snapshot("t" + PREFIXES.get() + ":")).isEqualTo(before);
  }

  private static void replay(
      HistoryEvent event,
      FeatureComputer computer,
      CustomerProfiles profiles,
      OnlineFeatureStore inRedis,
      OnlineFeatureStore inMemory,
      Map<String, Integer> exercised) {
    switch (event) {
      case HistoryEvent.Payment payment -> {
        Transaction tx = payment.transaction();
        var profile = profiles.find(tx.customerId()).orElseThrow();
        FeatureVector fromRedis = computer.compute(tx, inRedis.recordAndRead(tx), profile);
        FeatureVector fromMemory = computer.compute(tx, inMemory.recordAndRead(tx), profile);
        for (int i = 0; i < fromRedis.size(); i++) {
          String name = computer.catalogue().names().get(i);
          assertThat(fromRedis.get(i))
              .as(tx.transactionId() + " " + name)
              .isCloseTo(fromMemory.get(i), within(1e-9));
          if (fromRedis.get(i) != computer.catalogue().definitions().get(i).valueWhenMissing()) {
            exercised.merge(name, 1, Integer::sum);
          }
        }
      }
      case LabelEvent label -> {
        inRedis.recordLabel(label);
        inMemory.recordLabel(label);
      }
    }
  }

  /** Every key under the prefix with its content (TTLs left out: they tick). */
  private static Map<String, Object> snapshot(String prefix) {
    Map<String, Object> content = new TreeMap<>();
    for (String key : client.keys(prefix + "*")) {
      content.put(
          key,
          switch (client.type(key)) {
            case "zset" -> client.zrangeWithScores(key, 0, -1).toString();
            case "hash" -> new TreeMap<>(client.hgetAll(key)).toString();
            default -> throw new IllegalStateException("unexpected key " + key);
          });
    }
    return content;
  }

  @Test
  void readsEveryFeatureOfATransactionInOneRoundTrip() {
    CountingSocketFactory sockets = new CountingSocketFactory(redis.port());
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setTestWhileIdle(false);
    try (JedisPooled counted =
        new JedisPooled(pool, sockets, DefaultJedisClientConfig.builder().build())) {
      RedisOnlineFeatureStore store =
          new RedisOnlineFeatureStore(
              counted, SETTINGS.withKeyPrefix("t" + PREFIXES.incrementAndGet() + ":"));
      store.recordAndRead(tx("rt0", T0).customer("trips").device("D1").build());
      client.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
      int before = sockets.writes();

      for (int i = 1; i <= 20; i++) {
        store.recordAndRead(
            tx("rt" + i, minutes(i))
                .customer("trips")
                .merchant("M" + i % 3)
                .device("D" + i % 2)
                .build());
      }

      assertThat(sockets.writes() - before)
          .as("one write, then the replies: one round trip each")
          .isEqualTo(20);
      assertThat(client.info("commandstats"))
          .as("customer, merchant, category and device scripts")
          .contains("cmdstat_evalsha:calls=80,");
    }
  }

  @Test
  void labelsAreIdempotentInRedis() {
    RedisOnlineFeatureStore store = store();
    LabelEvent label = new LabelEvent("lx", "C1", "M-l", "travel", true, "chargeback", T0);
    store.recordLabel(label);
    Map<String, Object> once = snapshot("t" + PREFIXES.get() + ":");

    store.recordLabel(label);
    store.recordLabel(new LabelEvent("lx", "C1", "M-l", "travel", false, "chargeback", minutes(5)));

    assertThat(snapshot("t" + PREFIXES.get() + ":")).isEqualTo(once);
    assertThat(client.zcard(store.merchantLabelsKey("M-l"))).isEqualTo(1);
    assertThat(client.zcard(store.categoryFraudLabelsKey("travel"))).isEqualTo(1);
    assertThat(client.pttl(store.merchantLabelsKey("M-l")))
        .isCloseTo(OnlineStoreSettings.LABEL_RETENTION.toMillis(), within(5_000L));
  }

  @Test
  void aCustomersKeysStayBoundedOverTwoMonths() {
    RedisOnlineFeatureStore store = store();
    for (int i = 0; i < 60 * 4; i++) {
      store.recordAndRead(
          tx("mem" + i, minutes(6L * 60 * i))
              .customer("steady")
              .amount("12.34")
              .merchant("M" + i % 7)
              .device("D-steady")
              .build());
    }

    assertThat(client.hlen(store.daysKey("steady")))
        .as("38 days and the latest mark")
        .isLessThanOrEqualTo(OnlineStoreSettings.DAYS_KEPT + 2);
    assertThat(client.zcard(store.eventsKey("steady"))).isEqualTo((7 * 24 + 1) / 6 + 1);
    long bytes =
        client.memoryUsage(store.eventsKey("steady"))
            + client.memoryUsage(store.daysKey("steady"))
            + client.memoryUsage(store.firstSeenKey("steady"));
    assertThat(bytes).as("bytes for a customer paying 4 times a day").isLessThan(12_000);
  }

  @Test
  void aStoppedRedisIsReportedAndFeatureServiceDegrades() {
    Transaction tx = tx("x1", T0).customer("down").build();
    RedisOnlineFeatureStore store;
    try (EmbeddedRedis doomed = EmbeddedRedis.start();
        JedisPooled doomedClient = doomed.client()) {
      store = new RedisOnlineFeatureStore(doomedClient, SETTINGS);
      store.recordAndRead(tx);
      doomed.stop();

      FeatureStoreUnavailableException e =
          catchThrowableOfType(
              FeatureStoreUnavailableException.class, () -> store.recordAndRead(tx));
      assertThat(e).hasMessageStartingWith("Redis did not answer (JedisConnectionException");

      FeatureResult result =
          new FeatureService(store, CustomerProfiles.of(List.of()), FeatureCatalogue.v1())
              .featuresFor(tx);
      assertThat(result.complete()).isFalse();
      assertThat(result.degradedReason())
          .startsWith("online feature store unavailable: Redis did not answer");
      assertThat(result.vector().get("amount")).isEqualTo(10);
      assertThat(result.vector().get("seconds_since_last")).isEqualTo(86_400);
      assertThat(result.vector().get("first_time_merchant")).isZero();
    }
  }
}
