package io.fraudops.workers.embedded;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * A real Redis 7 server started from the binary inside {@code org.signal:embedded-redis} when no
 * {@code fraud.redis.url} is configured. It keeps nothing on disk: the online store is rebuilt from
 * the stream it sees, as after a Redis flush in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${fraud.redis.url:}'.isEmpty()")
public class EmbeddedRedisConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

  @Bean(destroyMethod = "stop")
  RedisServer embeddedRedis(EmbeddedProperties properties) throws IOException {
    RedisServer server = EmbeddedRedis.start(properties.redis().port());
    log.info("Started embedded Redis at {}", EmbeddedRedis.url(server));
    return server;
  }

  @Bean
  EmbeddedRedisEndpoint embeddedRedisEndpoint(RedisServer server) {
    return new EmbeddedRedisEndpoint(EmbeddedRedis.url(server));
  }

  /** The URL of the embedded server, picked up by the feature store configuration. */
  public record EmbeddedRedisEndpoint(String url) {}
}
