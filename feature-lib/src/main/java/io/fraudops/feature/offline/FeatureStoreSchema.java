package io.fraudops.feature.offline;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the offline feature store tables. For tests and tools; an application with
 * its own Flyway setup picks up {@value #LOCATION} itself (other modules add V2+ there).
 */
public final class FeatureStoreSchema {

  public static final String LOCATION = "classpath:db/migration";

  private FeatureStoreSchema() {}

  /**
   * @return the number of migrations applied
   */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
