package io.fraudops.feature.online;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
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
import redis.clients.jedis.JedisPooled;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Not a test: a quick loopback measurement of the hot path, run by hand with the test classpath.
 * Sequential calls on one thread, so the figures are latencies, not throughput.
 */
public final class RecordAndReadLatency {

    public static void main(String[] args) {
        int customers = 2_000;
        SyntheticWorld world = SyntheticWorld.create(1, customers, 400);
        List<Transaction> stream = new TransactionGenerator(world,
                GeneratorSettings.defaults(1).withTransactionsPerSecond(customers * 3 / 86_400.0))
                .stream().limit(60_000).filter(LabelledTransaction::valid).map(LabelledTransaction::transaction)
                .toList();
        try (EmbeddedRedis redis = EmbeddedRedis.start(); JedisPooled client = redis.client();
             EmbeddedPostgresDb postgres = EmbeddedPostgresDb.start()) {
            RedisOnlineFeatureStore store = new RedisOnlineFeatureStore(client);
            measure("redis recordAndRead, warm-up", stream.subList(0, 20_000), store::recordAndRead);
            measure("redis recordAndRead", stream.subList(20_000, 40_000), store::recordAndRead);

            FeatureStoreSchema.migrate(postgres.dataSource());
            PostgresCustomerProfiles profiles = new PostgresCustomerProfiles(postgres.dataSource());
            profiles.upsertAll(world.profiles());
            measure("postgres profile find (no cache)", stream.subList(0, 20_000),
                    tx -> profiles.find(tx.customerId()));
            FeatureService service = new FeatureService(store,
                    new CachedCustomerProfiles(profiles, Duration.ofMinutes(10), 10_000), FeatureCatalogue.v1());
            measure("FeatureService.featuresFor (redis + cached profiles), cold cache",
                    stream.subList(40_000, 50_000), service::featuresFor);
            measure("FeatureService.featuresFor (redis + cached profiles)", stream.subList(50_000, stream.size()),
                    service::featuresFor);

            Transaction busy = stream.getLast();
            for (int i = 0; i < 1_000; i++) {
                store.recordAndRead(new Transaction("busy-" + i, "busy", null, busy.amount(), busy.currency(),
                        busy.merchantId(), busy.merchantCategory(), busy.country(), busy.latitude(),
                        busy.longitude(), busy.channel(), busy.timestamp().minusSeconds(i)));
            }
            List<Transaction> again = IntStream.range(0, 2_000).mapToObj(i -> new Transaction(
                    "busy-next-" + i, "busy", null, busy.amount(), busy.currency(), busy.merchantId(),
                    busy.merchantCategory(), busy.country(), busy.latitude(), busy.longitude(), busy.channel(),
                    busy.timestamp().plusMillis(i))).toList();
            measure("redis recordAndRead, customer with 1,000+ events in 24 h", again, store::recordAndRead);
        }
    }

    private static void measure(String name, List<Transaction> transactions, Consumer<Transaction> call) {
        long[] micros = new long[transactions.size()];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            call.accept(transactions.get(i));
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("%-60s n=%6d  p50 %5d µs  p99 %5d µs  p99.9 %6d µs%n", name, micros.length,
                micros[micros.length / 2], micros[(int) (micros.length * 0.99)], micros[(int) (micros.length * 0.999)]);
    }
}
