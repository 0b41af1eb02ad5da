package io.fraudops.feature.online;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.transaction.Transaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * {@link OnlineFeatureStore} on Redis: one round trip per transaction, a Lua script that reads the
 * customer's 24 h window and first-seen marks, then records the transaction, atomically.
 *
 * <p>Per customer there are two keys, sharing the hash tag {customerId} so a cluster keeps them on one
 * slot: a sorted set of events (score = epoch millis, member = {@link EventMember}) and a hash of
 * first-seen millis. Both carry TTLs and the events are trimmed to the retention, so memory stays
 * bounded. Thread-safe as far as the given client is (JedisPooled is).
 */
public final class RedisOnlineFeatureStore implements OnlineFeatureStore {

    // KEYS: events, first-seen. ARGV: now, member, window start, trim before, events TTL, first-seen TTL,
    // merchant field, category field, country field. Returns {flat member/score list, first-seen values}.
    static final String SCRIPT = """
            local now = tonumber(ARGV[1])
            local recent = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], '(' .. ARGV[1], 'WITHSCORES')
            local seen = redis.call('HMGET', KEYS[2], ARGV[7], ARGV[8], ARGV[9])
            redis.call('ZADD', KEYS[1], now, ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
            for i = 1, 3 do
              if (not seen[i]) or tonumber(seen[i]) > now then
                redis.call('HSET', KEYS[2], ARGV[6 + i], ARGV[1])
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[6])
            return {recent, seen}
            """;

    private static final String SCRIPT_SHA = sha1Hex(SCRIPT);

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
        List<String> keys = List.of(eventsKey(tx.customerId()), firstSeenKey(tx.customerId()));
        List<String> args = List.of(
                Long.toString(now),
                EventMember.encode(tx),
                Long.toString(now - HISTORY_WINDOW.toMillis()),
                Long.toString(now - settings.eventRetention().toMillis()),
                Long.toString(settings.eventRetention().toMillis()),
                Long.toString(settings.firstSeenTtl().toMillis()),
                EventMember.merchantField(tx),
                EventMember.categoryField(tx),
                EventMember.countryField(tx));
        return toHistory(now, run(keys, args));
    }

    public String eventsKey(String customerId) {
        return settings.keyPrefix() + hashTag(customerId) + ":events";
    }

    public String firstSeenKey(String customerId) {
        return settings.keyPrefix() + hashTag(customerId) + ":first-seen";
    }

    private Object run(List<String> keys, List<String> args) {
        try {
            try {
                return redis.evalsha(SCRIPT_SHA, keys, args);
            } catch (JedisNoScriptException e) {
                // Redis restarted or flushed its script cache: EVAL runs the script and caches it again.
                return redis.eval(SCRIPT, keys, args);
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")) {
                    return redis.eval(SCRIPT, keys, args);
                }
                throw e;
            }
        } catch (JedisException e) {
            throw new FeatureStoreUnavailableException(
                    "Redis did not answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static CustomerHistory toHistory(long now, Object reply) {
        List<?> parts = (List<?>) reply;
        List<?> flat = (List<?>) parts.get(0);
        List<?> seen = (List<?>) parts.get(1);
        List<PastTransaction> recent = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            // Redis prints a millisecond score as an exact integer ("1714567890123"); parse it as a double
            // anyway in case a future version prints an exponent.
            long epochMillis = (long) Double.parseDouble(text(flat.get(i + 1)));
            recent.add(EventMember.decode(text(flat.get(i)), epochMillis));
        }
        return CustomerHistory.asOf(now, recent, millis(seen, 0), millis(seen, 1), millis(seen, 2));
    }

    private static Long millis(List<?> seen, int index) {
        Object value = index < seen.size() ? seen.get(index) : null;
        return value == null ? null : Long.valueOf(text(value));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    // Braces inside an id would change which part of the key Redis Cluster hashes; percent-encoding
    // them keeps the tag exactly the customer id and the mapping one-to-one.
    private static String hashTag(String customerId) {
        String safe = customerId.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
        return "{" + safe + "}";
    }

    private static String sha1Hex(String script) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-1", e);
        }
    }
}
