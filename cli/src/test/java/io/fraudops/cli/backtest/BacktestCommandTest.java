package io.fraudops.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.FraudWorkersApplication;
import io.fraudops.workers.Payments;
import io.fraudops.workers.payment.PaymentIntake;
import io.fraudops.workers.payment.Submission;
import io.fraudops.workers.process.Verdict;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.review.ReviewOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A recorded history made by the application itself, then backtests of changed tables on it. The
 * test model scores from the amount alone: up to 500 low, 500–900 exactly 0.5 (review), above 900
 * high (decline), so the history holds 140 approvals, 130 reviews and 30 declines; labels are then
 * added where a test can count them: analyst verdicts through the review inbox, chargebacks and
 * imported genuine labels in the label table.
 */
@SpringBootTest(classes = FraudWorkersApplication.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int ROUNDS = 10;

  /** One round of amounts: 14 approved (≤ 500), 13 reviewed (500–900), 3 declined (> 900). */
  private static final double[] AMOUNTS = amounts();

  @Autowired PaymentIntake intake;
  @Autowired ReviewInbox inbox;
  @Autowired JdbcTemplate jdbc;

  @Value("${spring.datasource.url}")
  String jdbcUrl;

  @Value("${spring.datasource.username}")
  String jdbcUser;

  @TempDir Path dir;

  private final List<String> approved = new ArrayList<>();
  private final List<String> reviewed = new ArrayList<>();
  private final List<String> declined = new ArrayList<>();
  private Instant historyStart;
  private String output;

  @BeforeAll
  void recordAHistoryAndItsLabels() {
    historyStart = Instant.now().minusSeconds(1);
    String run = "BT" + System.nanoTime();
    int n = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (double amount : AMOUNTS) {
        String id = run + "-" + n++;
        submit(id, amount);
        (amount <= 500 ? approved : amount <= 900 ? reviewed : declined).add(id);
      }
    }
    // One more approval whose inputs are then lost, as for a decision recorded before they were
    // kept.
    String withoutInputs = run + "-lost";
    submit(withoutInputs, 120);
    Eventually.get(
        "the whole history decided or waiting for review",
        WAIT,
        () -> {
          long done =
              jdbc.queryForObject(
                  "SELECT (SELECT count(*) FROM decision_audit WHERE transaction_id LIKE ?)"
                      + " + (SELECT count(*) FROM payment WHERE transaction_id LIKE ? AND status = 'REVIEW_PENDING')",
                  Long.class,
                  run + "-%",
                  run + "-%");
          return done == ROUNDS * AMOUNTS.length + 1 && inbox.pending().size() >= reviewed.size()
              ? java.util.Optional.of(done)
              : java.util.Optional.empty();
        });
    jdbc.update(
        "UPDATE decision_audit SET decision_inputs = NULL WHERE transaction_id = ?", withoutInputs);

    // Reviews: 6 declined by an analyst (fraud), 6 approved (genuine), the rest still pending.
    for (int i = 0; i < 12; i++) {
      String id = reviewed.get(i);
      PendingReview review =
          inbox.pending().stream()
              .filter(r -> id.equals(r.transactionId()))
              .findFirst()
              .orElseThrow();
      inbox.complete(
          review.key(),
          new ReviewOutcome(i < 6 ? Verdict.DECLINE : Verdict.APPROVE, "backtest history", "ana"));
    }
    Eventually.get(
        "the analysts' verdicts recorded",
        WAIT,
        () -> {
          long n2 =
              jdbc.queryForObject(
                  "SELECT count(*) FROM decision_audit WHERE decided_by = 'ana' AND transaction_id LIKE ?",
                  Long.class,
                  run + "-%");
          return n2 == 12 ? java.util.Optional.of(n2) : java.util.Optional.empty();
        });
    // An analyst-approved payment decided before inputs were kept: its review context still has
    // them.
    jdbc.update(
        "UPDATE decision_audit SET decision_inputs = NULL WHERE transaction_id = ?",
        reviewed.get(11));

    // Chargebacks: 10 live declines, 20 pending reviews, 2 analyst-approved reviews (a chargeback
    // outweighs
    // the analyst), 7 live approvals (fraud the live table missed). Imported genuine labels: 2 live
    // declines.
    Stream.of(
            declined.subList(0, 10),
            reviewed.subList(12, 32),
            reviewed.subList(6, 8),
            approved.subList(0, 7))
        .flatMap(List::stream)
        .forEach(id -> label(id, true, "chargeback"));
    declined.subList(28, 30).forEach(id -> label(id, false, "import"));
  }

  @Test
  void aLowerDeclineThresholdMovesTheReviewsToDeclinesAndTheFalseDeclineLimitFailsIt()
      throws IOException {
    Path candidate =
        candidate(
            "lower-decline.dmn",
            "<inputEntry id=\"Rule_SCORE_VERY_HIGH_In1\"><text>&gt;= thresholds.decline</text>",
            "<inputEntry id=\"Rule_SCORE_VERY_HIGH_In1\"><text>&gt;= 0.5</text>");
    Path report = dir.resolve("lower-decline.html");

    int exit =
        backtest(
            "--dmn=" + candidate,
            "--report=" + report,
            "--max-false-decline-increase=50",
            "--max-review-increase=0");

    assertThat(exit).as(output).isEqualTo(BacktestCommand.PAST_LIMITS);
    assertThat(output)
        .contains("re-decided          300 by the engine")
        .contains("left out            1 without recorded inputs")
        .contains("live reproduced     300 of 300 by " + BacktestCommand.REPOSITORY_TABLE)
        .containsPattern("(?m)^  APPROVE +140 +· +· +140$")
        .containsPattern("(?m)^  DECLINE +· +30 +· +30$")
        .containsPattern("(?m)^  REVIEW +· +130 +0 +130$")
        .contains("130 payments change route")
        .containsPattern("(?m)^  declined +30 +160 +\\+130$")
        .containsPattern("(?m)^  sent to review +130 +0 +-130$")
        .containsPattern("(?m)^  fraud \\(labelled\\) +45$")
        .containsPattern("(?m)^    fraud declined \\(caught\\) +10 +38 +\\+28$")
        .containsPattern("(?m)^    fraud sent to review +28 +0 +-28$")
        .containsPattern("(?m)^    fraud approved \\(missed\\) +7 +7 +\\+0$")
        .containsPattern("(?m)^  false declines \\(no fraud label\\) +20 +122 +\\+102$")
        .containsPattern("(?m)^    of which labelled genuine +2 +6 +\\+4$")
        .contains(
            "false declines +102 (live 20 → candidate 122), at most +50 allowed (--max-false-decline-increase=50): EXCEEDED")
        .contains(
            "reviews -130 (live 130 → candidate 0), at most +0 allowed (--max-review-increase=0): ok")
        .contains("REVIEW → DECLINE (130)")
        // Examples lead with labelled fraud: a reviewed payment with a chargeback, score 0.5.
        .containsPattern(
            "    "
                + reviewed.get(0).replace("-", "\\-")
                + " +\\S+ EUR +score 0\\.500 +SCORE_ELEVATED → SCORE_VERY_HIGH"
                + " +\\(declined by ana\\) +label: analyst=fraud")
        .contains("exit 4: the candidate goes past a limit");

    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<h3>REVIEW → DECLINE (130)</h3>")
        .contains("chargeback=fraud")
        .contains("exceeded")
        .doesNotContain("<script")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void withinBothLimitsTheSameCandidatePasses() throws IOException {
    Path candidate =
        candidate(
            "lower-decline.dmn",
            "<inputEntry id=\"Rule_SCORE_VERY_HIGH_In1\"><text>&gt;= thresholds.decline</text>",
            "<inputEntry id=\"Rule_SCORE_VERY_HIGH_In1\"><text>&gt;= 0.5</text>");

    int exit =
        backtest(
            "--dmn=" + candidate,
            "--max-false-decline-increase=102",
            "--max-review-increase=0",
            "--baseline=none",
            "--report=" + dir.resolve("pass.html"));

    assertThat(exit).as(output).isEqualTo(BacktestCommand.WITHIN_LIMITS);
    assertThat(output).doesNotContain("live reproduced").doesNotContain("exit 4");
  }

  @Test
  void aLowerReviewThresholdFailsTheReviewLimit() throws IOException {
    Path candidate =
        candidate(
            "lower-review.dmn",
            "<inputEntry id=\"Rule_SCORE_ELEVATED_In1\"><text>&gt;= thresholds.review</text>",
            "<inputEntry id=\"Rule_SCORE_ELEVATED_In1\"><text>&gt;= 0</text>");

    int exit =
        backtest(
            "--dmn=" + candidate,
            "--max-review-increase=10%",
            "--baseline=none",
            "--report=" + dir.resolve("lower-review.html"));

    assertThat(exit).as(output).isEqualTo(BacktestCommand.PAST_LIMITS);
    assertThat(output)
        .containsPattern("(?m)^  APPROVE +0 +· +140 +140$")
        .contains(
            "reviews +140 (live 130 → candidate 270), at most +13 = 10% allowed (--max-review-increase=10%): EXCEEDED");
  }

  @Test
  void theThresholdsCanBeTriedWithoutEditingTheTable() {
    int exit =
        backtest(
            "--thresholds=0.4,0.5",
            "--baseline=none",
            "--report=" + dir.resolve("thresholds.html"));

    assertThat(exit).as(output).isEqualTo(BacktestCommand.WITHIN_LIMITS);
    assertThat(output).containsPattern("(?m)^  REVIEW +· +130 +0 +130$");
  }

  @Test
  void reScoringWithTheLiveModelReproducesEveryDecision() {
    int exit =
        backtest(
            "--model=classpath:models/amount-threshold-model.json",
            "--baseline=none",
            "--report=" + dir.resolve("model.html"));

    assertThat(exit).as(output).isEqualTo(BacktestCommand.WITHIN_LIMITS);
    assertThat(output)
        .contains("re-decided          300 by the engine, re-scored by amount-threshold:test-1")
        .contains("0 payments change route; 0 keep theirs under another rule");
  }

  @Test
  void saysWhatIsWrongAndExitsTwo() throws IOException {
    assertThat(backtest("--dmn=" + dir.resolve("missing.dmn")))
        .isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output)
        .contains("fraud backtest: --dmn=" + dir.resolve("missing.dmn") + ": no such file");

    assertThat(backtest("--dmn=x.dmn", "--max-review-increase=lots"))
        .isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output).contains("'lots' is neither a count nor a percentage");

    assertThat(backtest("--baseline=none")).isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output).contains("--dmn=<file> is required");

    assertThat(backtest("--thresholds=0.9,0.4")).isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output).contains("need 0 <= review <= decline <= 1");

    assertThat(backtest("--thresholds=0.4,0.5", "--from=" + Instant.now().plusSeconds(3600)))
        .isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output).contains("no payment received from");

    // A table the engine refuses (an output entry that is not FEEL) is bad input too, not a
    // failure.
    Path broken =
        candidate("broken.dmn", "<text>&quot;LOW_RISK&quot;</text>", "<text>&quot;LOW_RISK</text>");
    assertThat(backtest("--dmn=" + broken, "--baseline=none")).isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output).contains("the engine refuses broken.dmn");

    Path candidate =
        candidate(
            "renamed.dmn", "<decision id=\"fraud-decision\"", "<decision id=\"fraud-decision-v2\"");
    assertThat(backtest("--dmn=" + candidate, "--baseline=none"))
        .isEqualTo(BacktestCommand.BAD_INPUT);
    assertThat(output)
        .contains(
            "has no decision 'fraud-decision' (it has [fraud-decision-v2]); pass --decision=ID");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsAFailureNotBadInput() {
    RunFraud.Result result =
        RunFraud.run(
            "backtest",
            "--thresholds=0.4,0.5",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing",
            "--report=" + dir.resolve("none.html"));

    assertThat(result.exit()).as(result.all()).isEqualTo(BacktestCommand.FAILED);
    assertThat(result.err()).contains("fraud backtest: ");
  }

  /**
   * Runs {@code ./fraud backtest} as the script does, on the test's database and the history's
   * period.
   */
  private int backtest(String... args) {
    boolean period = Stream.of(args).anyMatch(a -> a.startsWith("--from="));
    String[] all =
        Stream.of(
                Stream.of(
                    "backtest",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + jdbcUser,
                    period ? "--examples=3" : "--from=" + historyStart),
                Stream.of(args))
            .flatMap(s -> s)
            .toArray(String[]::new);
    RunFraud.Result result = RunFraud.run(all);
    output = result.all();
    System.out.println(output);
    return result.exit();
  }

  /** The repository's table with one edit, as a risk owner would save it from Modeler. */
  private Path candidate(String name, String from, String to) throws IOException {
    String table =
        new ClassPathResource("decision-tables/fraud-decision.dmn")
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(table).contains(from);
    Path file = dir.resolve(name);
    Files.writeString(file, table.replace(from, to));
    return file;
  }

  /**
   * As a payment system sends it, card in clear: the intake tokenizes it under this transaction id.
   */
  private void submit(String id, double amount) {
    Map<String, Object> payment =
        Payments.sent(
            Payments.newCustomer(), amount, Instant.now().minusSeconds(5), "4111111111111111");
    payment.put("transactionId", id);
    assertThat(intake.submitAsync(payment, "api").submission())
        .isInstanceOf(Submission.Accepted.class);
  }

  private void label(String transactionId, boolean fraud, String source) {
    jdbc.update(
        "INSERT INTO transaction_label (transaction_id, fraud, source, known_at) VALUES (?, ?, ?, now())",
        transactionId,
        fraud,
        source);
  }

  private static double[] amounts() {
    double[] amounts = new double[30];
    for (int i = 0; i < amounts.length; i++) {
      amounts[i] = 100 + 30 * i;
    }
    return amounts;
  }
}
