package io.fraudops.workers.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded stand-ins keep their state. Each one is used only while its real counterpart
 * is not configured ({@code camunda.client.grpc-address}, {@code spring.datasource.url},
 * {@code fraud.redis.url}).
 *
 * @param postgres data directory (kept between runs) and port; port 0 picks a free one
 * @param redis port of the embedded Redis; 0 picks a free one
 */
@ConfigurationProperties("fraud.embedded")
public record EmbeddedProperties(@DefaultValue Postgres postgres, @DefaultValue Redis redis) {

  public record Postgres(@DefaultValue(".data/postgres") Path dataDir, @DefaultValue("54329") int port) {}

  public record Redis(@DefaultValue("0") int port) {}
}
