package io.fraudops.workers.deployment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The decision tables these workers deployed ({@code decision_deployment}). The engine's gRPC API
 * cannot list tables or read their version tags, so this log is how the workers know whether a tag
 * is already in the engine: a logged table whose key the engine still evaluates as the same
 * decision and version is there (an in-memory engine that restarted no longer has it).
 */
@Repository
class DecisionDeployments {

  /** A table these workers deployed. */
  record Deployed(
      String decisionId, String versionTag, long decisionKey, int version, String checksum) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  DecisionDeployments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The tables of that id and tag these workers deployed, latest first. */
  List<Deployed> of(String decisionId, String versionTag) {
    return jdbc.query(
        "SELECT decision_id, version_tag, decision_key, decision_version, checksum FROM decision_deployment"
            + " WHERE decision_id = ? AND version_tag = ? ORDER BY id DESC LIMIT 5",
        (rs, i) ->
            new Deployed(
                rs.getString("decision_id"),
                rs.getString("version_tag"),
                rs.getLong("decision_key"),
                rs.getInt("decision_version"),
                rs.getString("checksum")),
        decisionId,
        versionTag);
  }

  void record(Deployed deployed) {
    jdbc.update(
        "INSERT INTO decision_deployment (decision_id, version_tag, decision_key, decision_version, checksum, deployed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        deployed.decisionId(),
        deployed.versionTag(),
        deployed.decisionKey(),
        deployed.version(),
        deployed.checksum(),
        Timestamp.from(clock.instant()));
  }
}
