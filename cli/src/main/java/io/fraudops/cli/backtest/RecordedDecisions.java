package io.fraudops.cli.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.workers.process.RoutedOutcome;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the payments the live table decided, from the decision audit and the payment ledger:
 * decided ones with the inputs recorded with their decision, and reviews still pending with the
 * context the ledger keeps to re-open them (the same variables). A decision recorded before its
 * inputs were kept falls back to that context when it went through a review, and has no inputs
 * otherwise. Rejected payloads never reached the table and are left out.
 */
final class RecordedDecisions {

  private static final String SELECT =
      """
      WITH labels AS (
          SELECT transaction_id, bool_or(fraud) AS fraud,
                 string_agg(source || '=' || CASE WHEN fraud THEN 'fraud' ELSE 'genuine' END, ', ' ORDER BY source)
                     AS sources
          FROM transaction_label GROUP BY transaction_id)
      SELECT * FROM (
          SELECT a.transaction_id, coalesce(p.received_at, a.decided_at) AS received_at, a.routed_to, a.outcome,
                 a.decided_by, a.dmn_rule, a.score, coalesce(a.decision_inputs, p.review_context)::text AS inputs,
                 l.fraud, l.sources
          FROM decision_audit a
          LEFT JOIN payment p ON p.transaction_id = a.transaction_id
          LEFT JOIN labels l ON l.transaction_id = a.transaction_id
          WHERE a.routed_to IS NOT NULL AND a.transaction_id IS NOT NULL
        UNION ALL
          SELECT p.transaction_id, p.received_at, 'REVIEW', NULL, NULL, p.dmn_rule, p.score, p.review_context::text,
                 l.fraud, l.sources
          FROM payment p
          LEFT JOIN labels l ON l.transaction_id = p.transaction_id
          WHERE p.status = 'REVIEW_PENDING'
            AND NOT EXISTS (SELECT 1 FROM decision_audit a WHERE a.audit_key = p.transaction_id)
      ) recorded
      WHERE received_at >= ? AND received_at < ?
      ORDER BY received_at, transaction_id
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;

  RecordedDecisions(Connection connection) {
    this.connection = connection;
  }

  /** The payments received in {@code [from, to)}, oldest first. */
  List<RecordedDecision> between(Instant from, Instant to) throws SQLException {
    List<RecordedDecision> out = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setTimestamp(1, Timestamp.from(from));
      select.setTimestamp(2, Timestamp.from(to));
      select.setFetchSize(1_000);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    } catch (SQLException e) {
      if ("42703".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) {
        throw new SQLException(
            "the database lacks the decision audit's inputs or the payment ledger ("
                + e.getMessage().lines().findFirst().orElse("")
                + "): start the workers of this version once (./fraud serve) so that they migrate it",
            e.getSQLState(),
            e);
      }
      throw e;
    }
    return out;
  }

  private static RecordedDecision read(ResultSet rs) throws SQLException {
    String id = rs.getString("transaction_id");
    return new RecordedDecision(
        id,
        rs.getTimestamp("received_at").toInstant(),
        RoutedOutcome.of(rs.getString("routed_to")),
        rs.getString("dmn_rule"),
        rs.getString("outcome"),
        rs.getString("decided_by"),
        rs.getObject("score", Double.class),
        inputs(id, rs.getString("inputs")),
        Truth.of(rs.getObject("fraud", Boolean.class)),
        rs.getString("sources"));
  }

  private static Map<String, Object> inputs(String transactionId, String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(
          "the recorded inputs of " + transactionId + " are not a JSON object: " + e.getMessage(),
          e);
    }
  }
}
