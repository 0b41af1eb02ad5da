package io.fraudops.feature.online;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureComputer;
import io.fraudops.feature.catalogue.FeatureVector;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.testsupport.EmbeddedRedis;
import io.fraudops.feature.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

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
        return new RedisOnlineFeatureStore(client, SETTINGS.withKeyPrefix("t" + PREFIXES.incrementAndGet() + ":"));
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
        assertThat(client.pttl(firstSeen)).isCloseTo(SETTINGS.firstSeenTtl().toMillis(), within(5_000L));
        assertThat(client.hgetAll(firstSeen)).containsOnlyKeys("merchant:M1", "category:grocery", "country:US");
    }

    @Test
    void aCustomersEventsStayWithinTheRetention() {
        RedisOnlineFeatureStore store = store();
        for (int i = 0; i < 9 * 24 * 4; i++) {
            store.recordAndRead(tx("b" + i, minutes(15L * i)).customer("busy").build());
        }

        long kept = client.zcard(store.eventsKey("busy"));

        assertThat(kept).as("7 d 1 h of one transaction every 15 minutes").isEqualTo((7 * 24 + 1) * 4 + 1);
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
    void givesTheSameFeaturesAsTheInMemoryStoreForAGeneratedStream() {
        SyntheticWorld world = SyntheticWorld.create(11, 150, 60);
        List<Transaction> stream = new TransactionGenerator(world,
                GeneratorSettings.defaults(11).withTransactionsPerSecond(0.02).withRates(0.05, 0.01))
                .stream().limit(4_000).filter(LabelledTransaction::valid).map(LabelledTransaction::transaction)
                .toList();
        FeatureComputer computer = new FeatureComputer(FeatureCatalogue.v1());
        CustomerProfiles profiles = CustomerProfiles.of(world.profiles());
        OnlineFeatureStore inRedis = store();
        OnlineFeatureStore inMemory = new InMemoryOnlineFeatureStore(SETTINGS);

        int withHistory = 0;
        for (Transaction tx : stream) {
            var profile = profiles.find(tx.customerId()).orElseThrow();
            FeatureVector fromRedis = computer.compute(tx, inRedis.recordAndRead(tx), profile);
            FeatureVector fromMemory = computer.compute(tx, inMemory.recordAndRead(tx), profile);
            assertThat(fromRedis).as(tx.transactionId()).isEqualTo(fromMemory);
            withHistory += fromRedis.get("txn_count_24h") > 0 ? 1 : 0;
        }
        assertThat(withHistory).as("the stream exercises history").isGreaterThan(stream.size() / 2);

        // Replaying the last hour again: idempotent, on real data, in both stores.
        long lastHour = stream.getLast().epochMillis() - Duration.ofHours(1).toMillis();
        for (Transaction tx : stream.stream().filter(t -> t.epochMillis() >= lastHour).toList()) {
            var profile = profiles.find(tx.customerId()).orElseThrow();
            assertThat(computer.compute(tx, inRedis.recordAndRead(tx), profile))
                    .isEqualTo(computer.compute(tx, inMemory.recordAndRead(tx), profile));
        }
    }

    @Test
    void aStoppedRedisIsReportedAndFeatureServiceDegrades() {
        Transaction tx = tx("x1", T0).customer("down").build();
        RedisOnlineFeatureStore store;
        try (EmbeddedRedis doomed = EmbeddedRedis.start(); JedisPooled doomedClient = doomed.client()) {
            store = new RedisOnlineFeatureStore(doomedClient, SETTINGS);
            store.recordAndRead(tx);
            doomed.stop();

            FeatureStoreUnavailableException e = catchThrowableOfType(FeatureStoreUnavailableException.class,
                    () -> store.recordAndRead(tx));
            assertThat(e).hasMessageStartingWith("Redis did not answer (JedisConnectionException");

            FeatureResult result = new FeatureService(store, CustomerProfiles.of(List.of()), FeatureCatalogue.v1())
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
