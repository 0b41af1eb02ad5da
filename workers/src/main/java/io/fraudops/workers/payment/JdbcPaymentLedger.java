package io.fraudops.workers.payment;

import io.fraudops.workers.process.FinalOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in PostgreSQL ({@code V6__payment_ledger.sql}). Each state change also writes a {@code
 * payment_event} row and a {@code pg_notify} on channel {@value #CHANNEL}, delivered at commit,
 * which wakes a synchronous answer waiting on any replica.
 */
@Repository
class JdbcPaymentLedger implements PaymentLedger {

  static final String CHANNEL = "fraud_payment";
  private static final String COLUMNS =
      "transaction_id, payload_digest, payload, status, source, process_instance_key, engine_epoch, attempts,"
          + " outcome, decided_by, dmn_rule, reason, score, model_version, top_reasons, review_context,"
          + " received_at, updated_at";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  JdbcPaymentLedger(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Admission admit(
      String transactionId, String digest, String payloadJson, String source, Instant receivedAt) {
    Timestamp now = now();
    int inserted =
        jdbc.update(
            "INSERT INTO payment (transaction_id, payload_digest, payload, status, source, received_at, updated_at)"
                + " VALUES (?, ?, ?::jsonb, 'RECEIVED', ?, ?, ?) ON CONFLICT (transaction_id) DO NOTHING",
            transactionId,
            digest,
            payloadJson,
            source,
            Timestamp.from(receivedAt),
            now);
    Payment payment = find(transactionId).orElseThrow();
    if (inserted == 1) {
      event(transactionId, PaymentStatus.RECEIVED, null, "accepted through " + source);
      return new Admission.Admitted(payment);
    }
    return payment.payloadDigest().equals(digest)
        ? new Admission.Existing(payment)
        : new Admission.Conflict(payment, digest);
  }

  @Override
  @Transactional
  public boolean attach(String transactionId, long processInstanceKey, String engineEpoch) {
    int updated =
        jdbc.update(
            "UPDATE payment SET status = 'SCREENING', process_instance_key = ?, engine_epoch = ?, updated_at = ?"
                + " WHERE transaction_id = ? AND status IN ('RECEIVED', 'SCREENING') AND process_instance_key IS NULL",
            processInstanceKey,
            engineEpoch,
            now(),
            transactionId);
    if (updated == 1) {
      event(transactionId, PaymentStatus.SCREENING, processInstanceKey, "instance started");
      return true;
    }
    // Its first step may have claimed the payment already: then it is attached.
    return find(transactionId)
        .map(p -> p.processInstanceKey() != null && p.processInstanceKey() == processInstanceKey)
        .orElse(false);
  }

  @Override
  @Transactional
  public Claim claim(
      String transactionId,
      String digest,
      String payloadJson,
      long processInstanceKey,
      String engineEpoch,
      Instant at) {
    Timestamp now = now();
    int inserted =
        jdbc.update(
            "INSERT INTO payment (transaction_id, payload_digest, payload, status, source, process_instance_key,"
                + " engine_epoch, received_at, updated_at) VALUES (?, ?, ?::jsonb, 'SCREENING', 'gateway', ?, ?, ?, ?)"
                + " ON CONFLICT (transaction_id) DO NOTHING",
            transactionId,
            digest,
            payloadJson,
            processInstanceKey,
            engineEpoch,
            Timestamp.from(at),
            now);
    if (inserted == 1) {
      event(
          transactionId,
          PaymentStatus.SCREENING,
          processInstanceKey,
          "created directly through the gateway");
      return new Claim.Proceed();
    }
    Payment row =
        jdbc.query(
                "SELECT " + COLUMNS + " FROM payment WHERE transaction_id = ? FOR UPDATE",
                this::map,
                transactionId)
            .getFirst();
    if (!row.payloadDigest().equals(digest)) {
      return new Claim.Conflict(row.payloadDigest(), digest);
    }
    if (row.status().isFinal()) {
      event(
          transactionId,
          row.status(),
          processInstanceKey,
          "duplicate instance ended: already decided");
      return new Claim.AlreadyDecided(row.outcome());
    }
    Long current = row.processInstanceKey();
    if (current != null && current == processInstanceKey) {
      return new Claim.Proceed();
    }
    // Nobody holds it (not started yet, or released for a restart), or its instance died with an
    // earlier embedded engine: this instance takes it over.
    boolean free = current == null || !engineEpoch.equals(row.engineEpoch());
    if (!free) {
      event(
          transactionId,
          row.status(),
          processInstanceKey,
          "duplicate instance ended: screened by " + current);
      return new Claim.HeldByAnother(current);
    }
    jdbc.update(
        "UPDATE payment SET status = 'SCREENING', process_instance_key = ?, engine_epoch = ?, updated_at = ?"
            + " WHERE transaction_id = ?",
        processInstanceKey,
        engineEpoch,
        now,
        transactionId);
    event(
        transactionId,
        PaymentStatus.SCREENING,
        processInstanceKey,
        current == null ? "instance started" : "instance took the payment over from " + current);
    return new Claim.Proceed();
  }

  @Override
  @Transactional
  public boolean reviewOpened(ReviewOpening o) {
    int updated =
        jdbc.update(
            "UPDATE payment SET status = 'REVIEW_PENDING', review_context = ?::jsonb, dmn_rule = ?, reason = ?,"
                + " score = ?, model_version = ?, top_reasons = ?::jsonb, updated_at = ?"
                + " WHERE transaction_id = ? AND process_instance_key = ? AND status IN ('SCREENING', 'REVIEW_PENDING')",
            o.reviewContextJson(),
            o.rule(),
            o.reason(),
            o.score(),
            o.modelVersion(),
            o.topReasonsJson(),
            now(),
            o.transactionId(),
            o.processInstanceKey());
    if (updated == 1) {
      event(
          o.transactionId(),
          PaymentStatus.REVIEW_PENDING,
          o.processInstanceKey(),
          "waiting for an analyst");
      notifyChange(o.transactionId());
    }
    return updated == 1;
  }

  @Override
  @Transactional
  public boolean reopened(Payment seen, long processInstanceKey, String engineEpoch) {
    int updated =
        jdbc.update(
            "UPDATE payment SET process_instance_key = ?, engine_epoch = ?, attempts = attempts + 1, updated_at = ?"
                + " WHERE transaction_id = ? AND status = 'REVIEW_PENDING'"
                + " AND process_instance_key IS NOT DISTINCT FROM ?",
            processInstanceKey,
            engineEpoch,
            now(),
            seen.transactionId(),
            seen.processInstanceKey());
    if (updated == 1) {
      event(
          seen.transactionId(),
          PaymentStatus.REVIEW_PENDING,
          processInstanceKey,
          "review re-opened in a new instance");
    }
    return updated == 1;
  }

  @Override
  @Transactional
  public boolean lease(Payment seen) {
    return jdbc.update(
            "UPDATE payment SET updated_at = ?, attempts = attempts + 1 WHERE transaction_id = ? AND status = ?"
                + " AND updated_at = ? AND process_instance_key IS NOT DISTINCT FROM ?",
            now(),
            seen.transactionId(),
            seen.status().name(),
            Timestamp.from(seen.updatedAt()),
            seen.processInstanceKey())
        == 1;
  }

  @Override
  @Transactional
  public Decision decide(Decided d) {
    boolean verdict = d.verdictBy() != null;
    List<Decision> done =
        jdbc.query(
            "UPDATE payment SET"
                + " status = CASE WHEN status = 'REVIEW_PENDING' AND ? THEN 'REVIEWED' ELSE 'DECIDED' END,"
                + " decided_by = CASE WHEN status = 'REVIEW_PENDING' AND ? THEN ? ELSE 'engine' END,"
                + " outcome = ?, dmn_rule = ?, reason = ?, score = ?, model_version = ?, top_reasons = ?::jsonb,"
                + " updated_at = ?"
                + " WHERE transaction_id = ? AND process_instance_key = ? AND status IN ('SCREENING', 'REVIEW_PENDING')"
                + " RETURNING status, decided_by",
            (rs, i) ->
                new Decision(
                    true,
                    rs.getString("decided_by"),
                    PaymentStatus.valueOf(rs.getString("status"))),
            verdict,
            verdict,
            d.verdictBy(),
            d.outcome().name(),
            d.rule(),
            d.reason(),
            d.score(),
            d.modelVersion(),
            d.topReasonsJson(),
            now(),
            d.transactionId(),
            d.processInstanceKey());
    if (!done.isEmpty()) {
      Decision decision = done.getFirst();
      event(
          d.transactionId(),
          decision.status(),
          d.processInstanceKey(),
          d.outcome()
              + " by "
              + decision.decidedBy()
              + (d.rule() != null ? " (" + d.rule() + ")" : ""));
      notifyChange(d.transactionId());
      return decision;
    }
    Optional<Payment> row = find(d.transactionId());
    if (row.isPresent()
        && row.get().status().isFinal()
        && row.get().processInstanceKey() != null
        && row.get().processInstanceKey() == d.processInstanceKey()) {
      // The same instance again: a redelivered job, whose decision is already in.
      return new Decision(true, row.get().decidedBy(), row.get().status());
    }
    return Decision.stale(row.map(Payment::status).orElse(null));
  }

  @Override
  public boolean note(String transactionId, Long processInstanceKey, String detail) {
    return jdbc.update(
            "INSERT INTO payment_event (transaction_id, at, status, process_instance_key, detail)"
                + " SELECT transaction_id, ?, status, ?, ? FROM payment WHERE transaction_id = ?",
            now(),
            processInstanceKey,
            detail,
            transactionId)
        == 1;
  }

  @Override
  public Optional<Payment> find(String transactionId) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM payment WHERE transaction_id = ?",
            this::map,
            transactionId)
        .stream()
        .findFirst();
  }

  @Override
  public List<PaymentEvent> history(String transactionId) {
    return jdbc.query(
        "SELECT at, status, process_instance_key, detail FROM payment_event WHERE transaction_id = ? ORDER BY id",
        (rs, i) ->
            new PaymentEvent(
                rs.getTimestamp("at").toInstant(),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getObject("process_instance_key", Long.class),
                rs.getString("detail")),
        transactionId);
  }

  @Override
  public List<Payment> open(Instant before, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM payment WHERE status IN ('RECEIVED', 'SCREENING', 'REVIEW_PENDING')"
            + " AND updated_at < ? ORDER BY updated_at LIMIT ?",
        this::map,
        Timestamp.from(before),
        limit);
  }

  @Override
  @Transactional
  public boolean release(Payment seen, String why) {
    int updated =
        jdbc.update(
            "UPDATE payment SET status = 'RECEIVED', process_instance_key = NULL, engine_epoch = NULL,"
                + " attempts = attempts + 1, updated_at = ?"
                + " WHERE transaction_id = ? AND status = ? AND process_instance_key IS NOT DISTINCT FROM ?",
            now(),
            seen.transactionId(),
            seen.status().name(),
            seen.processInstanceKey());
    if (updated == 1) {
      event(seen.transactionId(), PaymentStatus.RECEIVED, null, why);
    }
    return updated == 1;
  }

  @Override
  public long notInEpoch(String epoch) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM payment WHERE status = 'RECEIVED'"
            + " OR (status IN ('SCREENING', 'REVIEW_PENDING') AND engine_epoch IS DISTINCT FROM ?)",
        Long.class,
        epoch);
  }

  @Override
  public long undecided() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM payment WHERE status IN ('RECEIVED', 'SCREENING')", Long.class);
  }

  @Override
  public Map<PaymentStatus, Long> countByStatus(String prefix) {
    Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
    jdbc.query(
        "SELECT status, count(*) FROM payment WHERE transaction_id LIKE ? GROUP BY status",
        rs -> {
          counts.put(PaymentStatus.valueOf(rs.getString(1)), rs.getLong(2));
        },
        escapeLike(prefix) + "%");
    return counts;
  }

  private static String escapeLike(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private void event(
      String transactionId, PaymentStatus status, Long processInstanceKey, String detail) {
    jdbc.update(
        "INSERT INTO payment_event (transaction_id, at, status, process_instance_key, detail) VALUES (?, ?, ?, ?, ?)",
        transactionId,
        now(),
        status.name(),
        processInstanceKey,
        detail);
  }

  private void notifyChange(String transactionId) {
    jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, transactionId);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private Payment map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Payment(
        rs.getString("transaction_id"),
        rs.getString("payload_digest"),
        rs.getString("payload"),
        PaymentStatus.valueOf(rs.getString("status")),
        rs.getString("source"),
        rs.getObject("process_instance_key", Long.class),
        rs.getString("engine_epoch"),
        rs.getInt("attempts"),
        outcome == null ? null : FinalOutcome.valueOf(outcome),
        rs.getString("decided_by"),
        rs.getString("dmn_rule"),
        rs.getString("reason"),
        rs.getObject("score", Double.class),
        rs.getString("model_version"),
        rs.getString("top_reasons"),
        rs.getString("review_context"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
