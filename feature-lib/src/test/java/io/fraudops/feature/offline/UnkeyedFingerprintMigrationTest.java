package io.fraudops.feature.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class UnkeyedFingerprintMigrationTest {

  private static final String UNKEYED_SHA256_OF_4111111111111111 =
      "9bbef19476623ca56c17da75fd57734dbf82530686043a6e491c6d71befe8f6e";

  @Test
  void anUpgradeForgetsTheFingerprintsThatGaveCardNumbersAway() throws Exception {
    try (EmbeddedPostgresDb db = EmbeddedPostgresDb.start()) {
      Flyway.configure()
          .dataSource(db.dataSource())
          .locations(FeatureStoreSchema.LOCATION)
          .target("4")
          .load()
          .migrate();
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO card_transaction (transaction_id, customer_id, card_fingerprint, card_masked,"
                + " amount, currency, merchant_id, merchant_category, country, channel, occurred_at)"
                + " VALUES ('T-1', 'C-1', '"
                + UNKEYED_SHA256_OF_4111111111111111
                + "', '411111******1111',"
                + " 10, 'EUR', 'M-1', 'grocery', 'DE', 'POS', now())");
      }

      FeatureStoreSchema.migrate(db.dataSource());

      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet row =
              s.executeQuery("SELECT card_fingerprint, card_masked FROM card_transaction")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("card_fingerprint")).isNull();
        assertThat(row.getString("card_masked")).isEqualTo("411111******1111");
      }
    }
  }
}
