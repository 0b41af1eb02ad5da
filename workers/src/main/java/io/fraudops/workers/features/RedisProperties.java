package io.fraudops.workers.features;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The online feature store.
 *
 * @param url e.g. {@code redis://user:secret@redis:6379}; required (the local runtime sets it to
 *     its embedded Redis)
 * @param keyPrefix prefix of every key this application writes
 * @param timeout connect and read timeout; a slow Redis degrades to review instead of stalling
 * @param profileCacheTtl how long a customer profile read from PostgreSQL is reused
 */
@ConfigurationProperties("fraud.redis")
public record RedisProperties(
    String url,
    @DefaultValue("fraud:features:") String keyPrefix,
    @DefaultValue("500ms") Duration timeout,
    @DefaultValue("5m") Duration profileCacheTtl) {}
