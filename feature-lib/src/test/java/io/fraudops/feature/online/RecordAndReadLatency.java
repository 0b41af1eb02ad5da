package io.fraudops.feature.online;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CachedCustomerProfiles;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.testsupport.EmbeddedRedis;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/**
 * Not a test: a quick loopback measurement of the hot path, run by hand with the test classpath.
 * Sequential calls on one thread, so the figures are latencies, not throughput.
 */
public final class RecordAndReadLatency {

  public static void main(String[] args) {
    int customers = 2_000;
    SyntheticWorld world = SyntheticWorld.create(1, customers, 400);
    List<HistoryEvent> history =
        new TransactionGenerator(
                world,
                GeneratorSettings.defaults(1).withTransactionsPerSecond(customers * 3 / 86_400.0))
            .history()
            .limit(60_000)
            .toList();
    List<Transaction> stream =
        history.stream()
            .filter(e -> e instanceof HistoryEvent.Payment)
            .map(e -> ((HistoryEvent.Payment) e).transaction())
            .toList();
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        JedisPooled client = redis.client();
        EmbeddedPostgresDb postgres = EmbeddedPostgresDb.start()) {
      RedisOnlineFeatureStore store = new RedisOnlineFeatureStore(client);
      measure(
          "redis recordAndRead (v2: customer+merchant+category+device), warm-up",
          stream.subList(0, 20_000),
          store::recordAndRead);
      client.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
      measure("redis recordAndRead (v2)", stream.subList(20_000, 40_000), store::recordAndRead);
      // Server-side time per script call, to tell Redis's share of the latency from the client's.
      client
          .info("commandstats")
          .lines()
          .filter(line -> line.startsWith("cmdstat_evalsha"))
          .forEach(line -> System.out.println("  " + line));
      measure(
          "redis recordLabel",
          history.stream().filter(e -> e instanceof LabelEvent).map(e -> (LabelEvent) e).toList(),
          store::recordLabel);

      FeatureStoreSchema.migrate(postgres.dataSource());
      PostgresCustomerProfiles profiles = new PostgresCustomerProfiles(postgres.dataSource());
      profiles.upsertAll(world.profiles());
      measure(
          "postgres profile find (no cache)",
          stream.subList(0, 20_000),
          tx -> profiles.find(tx.customerId()));
      FeatureService service =
          new FeatureService(
              store,
              new CachedCustomerProfiles(profiles, Duration.ofMinutes(10), 10_000),
              FeatureCatalogue.v2());
      measure(
          "FeatureService.featuresFor v2 (redis + cached profiles), cold cache",
          stream.subList(40_000, 50_000),
          service::featuresFor);
      measure(
          "FeatureService.featuresFor v2 (redis + cached profiles)",
          stream.subList(50_000, stream.size()),
          service::featuresFor);

      Transaction busy = stream.getLast();
      for (int i = 0; i < 1_000; i++) {
        store.recordAndRead(
            new Transaction(
                "busy-" + i,
                "busy",
                null,
                busy.amount(),
                busy.currency(),
                busy.merchantId(),
                busy.merchantCategory(),
                busy.country(),
                busy.latitude(),
                busy.longitude(),
                busy.channel(),
                busy.timestamp().minusSeconds(i),
                "D-busy"));
      }
      List<Transaction> again =
          IntStream.range(0, 2_000)
              .mapToObj(
                  i ->
                      new Transaction(
                          "busy-next-" + i,
                          "busy",
                          null,
                          busy.amount(),
                          busy.currency(),
                          busy.merchantId(),
                          busy.merchantCategory(),
                          busy.country(),
                          busy.latitude(),
                          busy.longitude(),
                          busy.channel(),
                          busy.timestamp().plusMillis(i),
                          "D-busy"))
              .toList();
      measure(
          "redis recordAndRead, customer with 1,000+ events in 24 h", again, store::recordAndRead);

      bytesPerCustomer(redis);
    }
  }

  /**
   * Memory of the per-customer keys (events, first-seen, day totals) after 40 simulated days of 300
   * customers at about 3 payments a day, by Redis's own MEMORY USAGE.
   */
  private static void bytesPerCustomer(EmbeddedRedis redis) {
    int customers = 300;
    SyntheticWorld world = SyntheticWorld.create(2, customers, 100);
    List<Transaction> month =
        new TransactionGenerator(
                world,
                GeneratorSettings.defaults(2).withTransactionsPerSecond(customers * 3 / 86_400.0))
            .stream()
                .limit(customers * 3L * 40)
                .filter(LabelledTransaction::valid)
                .map(LabelledTransaction::transaction)
                .toList();
    try (JedisPooled client = redis.client()) {
      RedisOnlineFeatureStore store =
          new RedisOnlineFeatureStore(client, OnlineStoreSettings.defaults().withKeyPrefix("mem:"));
      month.forEach(store::recordAndRead);
      long[] bytes =
          world.customers().stream()
              .mapToLong(
                  c ->
                      usage(client, store.eventsKey(c.customerId()))
                          + usage(client, store.firstSeenKey(c.customerId()))
                          + usage(client, store.daysKey(c.customerId())))
              .filter(b -> b > 0)
              .sorted()
              .toArray();
      long merchants =
          world.merchants().stream()
              .mapToLong(m -> usage(client, store.merchantPaymentsKey(m.merchantId())))
              .sum();
      System.out.printf(
          "bytes per customer after %d days (%d payments): mean %d, p50 %d, p99 %d, max %d;"
              + " merchant payment sets %d bytes in all%n",
          Duration.between(month.getFirst().timestamp(), month.getLast().timestamp()).toDays(),
          month.size(),
          (long) Arrays.stream(bytes).average().orElse(0),
          bytes[bytes.length / 2],
          bytes[(int) (bytes.length * 0.99)],
          bytes[bytes.length - 1],
          merchants);
    }
  }

  private static long usage(JedisPooled client, String key) {
    Long bytes = client.memoryUsage(key);
    return bytes == null ? 0 : bytes;
  }

  private static <T> void measure(String name, List<T> transactions, Consumer<T> call) {
    long[] micros = new long[transactions.size()];
    for (int i = 0; i < micros.length; i++) {
      long start = System.nanoTime();
      call.accept(transactions.get(i));
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf(
        "%-60s n=%6d  p50 %5d µs  p99 %5d µs  p99.9 %6d µs%n",
        name,
        micros.length,
        micros[micros.length / 2],
        micros[(int) (micros.length * 0.99)],
        micros[(int) (micros.length * 0.999)]);
  }
}
