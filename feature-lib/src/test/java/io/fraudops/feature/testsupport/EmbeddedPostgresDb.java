package io.fraudops.feature.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A real PostgreSQL on a free loopback port, with a small Hikari pool in front like production. */
public final class EmbeddedPostgresDb implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    private EmbeddedPostgresDb(EmbeddedPostgres postgres, HikariDataSource pool) {
        this.postgres = postgres;
        this.pool = pool;
    }

    public static EmbeddedPostgresDb start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(FreePort.find()).start();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(4);
            config.setConnectionTimeout(2_000);
            return new EmbeddedPostgresDb(postgres, new HikariDataSource(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
