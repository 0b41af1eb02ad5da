package io.fraudops.workers.audit;

import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.RoutedOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit table in PostgreSQL ({@code V2__decision_audit.sql}, {@code
 * V5__audit_shadow_scores.sql}, {@code V12__decision_inputs.sql}).
 */
@Repository
class JdbcDecisionAudit implements DecisionAudit {

  private static final String INSERT =
      """
      INSERT INTO decision_audit (audit_key, transaction_id, process_instance_key, outcome, routed_to,
          decided_by, score, model_version, dmn_rule, reason, review_comment, top_reasons, latency_ms, decided_at,
          shadow_scores, inference_config_version, decision_inputs)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?::jsonb)
      ON CONFLICT (audit_key) DO NOTHING
      """;

  private final JdbcTemplate jdbc;

  JdbcDecisionAudit(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean record(DecisionRecord d) {
    int rows =
        jdbc.update(
            INSERT,
            d.auditKey(),
            d.transactionId(),
            d.processInstanceKey(),
            d.outcome().name(),
            d.routedTo() == null ? null : d.routedTo().name(),
            d.decidedBy(),
            d.score(),
            d.modelVersion(),
            d.dmnRule(),
            d.reason(),
            d.reviewComment(),
            d.topReasonsJson(),
            d.latencyMs(),
            Timestamp.from(d.decidedAt()),
            d.shadowScoresJson(),
            d.inferenceConfigVersion(),
            d.decisionInputsJson());
    return rows == 1;
  }

  @Override
  public Optional<DecisionRecord> find(String auditKey) {
    return jdbc
        .query("SELECT * FROM decision_audit WHERE audit_key = ?", JdbcDecisionAudit::map, auditKey)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<DecisionRecord> findByProcessInstance(long processInstanceKey) {
    return jdbc
        .query(
            "SELECT * FROM decision_audit WHERE process_instance_key = ? ORDER BY decided_at DESC LIMIT 1",
            JdbcDecisionAudit::map,
            processInstanceKey)
        .stream()
        .findFirst();
  }

  @Override
  public Map<String, Long> countByOutcome(String prefix, Instant since) {
    return countBy("outcome", prefix, since);
  }

  @Override
  public Map<String, Long> countByModelVersion(String prefix, Instant since) {
    return countBy("coalesce(model_version, 'none')", prefix, since);
  }

  /** {@code column} is one of the two constant expressions above, never user input. */
  private Map<String, Long> countBy(String column, String prefix, Instant since) {
    Map<String, Long> counts = new LinkedHashMap<>();
    String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    jdbc.query(
        "SELECT "
            + column
            + ", count(*) FROM decision_audit WHERE (transaction_id LIKE ? OR (transaction_id IS NULL"
            + " AND outcome = 'REJECTED')) AND decided_at >= ? GROUP BY 1 ORDER BY 1",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        },
        like,
        Timestamp.from(since));
    return counts;
  }

  private static DecisionRecord map(ResultSet rs, int row) throws SQLException {
    return new DecisionRecord(
        rs.getString("audit_key"),
        rs.getString("transaction_id"),
        rs.getLong("process_instance_key"),
        FinalOutcome.valueOf(rs.getString("outcome")),
        rs.getString("routed_to") == null ? null : RoutedOutcome.of(rs.getString("routed_to")),
        rs.getString("decided_by"),
        rs.getObject("score", Double.class),
        rs.getString("model_version"),
        rs.getString("dmn_rule"),
        rs.getString("reason"),
        rs.getString("review_comment"),
        rs.getString("top_reasons"),
        rs.getObject("latency_ms", Long.class),
        rs.getTimestamp("decided_at").toInstant(),
        rs.getString("shadow_scores"),
        rs.getString("inference_config_version"),
        rs.getString("decision_inputs"));
  }
}
