package io.fraudops.feature.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresLabelStoreTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static EmbeddedPostgresDb postgres;
  private static DataSource db;

  private final PostgresLabelStore labels = new PostgresLabelStore(db);

  @BeforeAll
  static void startPostgres() {
    postgres = EmbeddedPostgresDb.start();
    db = postgres.dataSource();
    FeatureStoreSchema.migrate(db);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void cleanTable() throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE transaction_label");
    }
  }

  @Test
  void recordingTheSameLabelAgainChangesNothingAndKeepsTheFirstInstant() throws SQLException {
    assertThat(labels.record(label("T1", true, "analyst", T0))).isTrue();
    assertThat(labels.record(label("T1", true, "analyst", T0))).as("a retried job").isFalse();
    assertThat(labels.record(label("T1", false, "analyst", T0.plusSeconds(3600))))
        .as("the first verdict of a source stands")
        .isFalse();

    assertThat(count("SELECT count(*) FROM transaction_label")).isEqualTo(1);
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT fraud, known_at FROM transaction_label")) {
      row.next();
      assertThat(row.getBoolean("fraud")).isTrue();
      assertThat(row.getObject("known_at", OffsetDateTime.class).toInstant()).isEqualTo(T0);
    }
  }

  @Test
  void eachSourceKeepsItsOwnLabelOnOnePayment() throws SQLException {
    labels.record(label("T1", false, "analyst", T0));
    labels.record(label("T1", true, "chargeback", T0.plusSeconds(86_400 * 40L)));

    assertThat(count("SELECT count(*) FROM transaction_label WHERE transaction_id = 'T1'"))
        .isEqualTo(2);
  }

  @Test
  void recordAllWritesInBatchesAndCountsOnlyNewLabels() throws SQLException {
    List<LabelEvent> many = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      many.add(label("T" + i, i % 10 == 0, "import", T0.plusSeconds(i)));
    }
    assertThat(labels.recordAll(many)).isEqualTo(2_500);
    many.add(label("T-new", true, "chargeback", T0));

    assertThat(labels.recordAll(many)).as("a re-run only adds the new one").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM transaction_label")).isEqualTo(2_501);
    assertThat(count("SELECT count(*) FROM transaction_label WHERE fraud")).isEqualTo(251);
  }

  @Test
  void theSourceIsCheckedByTheDatabaseToo() throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  statement.execute(
                      "INSERT INTO transaction_label VALUES ('T1', true, 'rumour', now())"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
    }
  }

  static LabelEvent label(String id, boolean fraud, String source, Instant knownAt) {
    return new LabelEvent(id, "C1", "M1", "grocery", fraud, source, knownAt);
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
