package io.fraudops.cli.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.cli.replay.ReplayWarmUp;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.audit.DecisionRecorded;
import io.fraudops.workers.deployment.ProcessDeployer;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.process.ScreenedPayment;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.review.ReviewOpened;
import io.fraudops.workers.screening.FetchFeaturesWorker;
import io.fraudops.workers.screening.ScoreWorker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The bench itself, inside the screening application: writes a history, then offers payments at
 * each rate through the whole application and through the no-op pipeline, one phase after the other
 * (they never overlap), and prints what each reached. Or, with {@code --soak}, the whole
 * application at one rate for a long time, sampled.
 */
@Component
@Profile(BenchE2eConfiguration.PROFILE)
class BenchE2eRunner implements ApplicationRunner, ExitCodeGenerator {

  /**
   * Simulated pace of the synthetic stream, as the replay's: about three payments per customer and
   * day.
   */
  private static final double PAYMENTS_PER_CUSTOMER_PER_DAY = 3.0;

  /**
   * Arrivals of a phase start this long after it is set up, so the first is not late by
   * construction.
   */
  private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /**
   * After the last answer, the engine still ends the instances: wait this long before counting
   * records.
   */
  private static final long SETTLE_MILLIS = 300;

  static final String LOST = "accepted, never decided (lost)";
  static final String NEVER_ACCEPTED = "never accepted (the call failed)";

  private final BenchE2eSettings settings;
  private final BenchUser user;
  private final ReplayWarmUp warmUp;
  private final PostgresCustomerProfiles profiles;
  private final CardTokenizer cards;
  private final Clock clock;
  private final ObjectProvider<EmbeddedEngine> engine;
  private final ObjectProvider<ReviewInbox> reviews;
  private final JobTraffic traffic;
  private final InFlight inFlight;
  private final FetchFeaturesWorker fetchFeatures;
  private final ScoreWorker score;
  private final ObjectMapper json;
  private final Environment environment;
  private final PaymentLedger ledger;
  private final E2eReport report = new E2eReport(System.out);
  private final CpuMeter cpu = new CpuMeter();
  private int exitCode;

  BenchE2eRunner(
      BenchE2eSettings settings,
      BenchUser user,
      ReplayWarmUp warmUp,
      PostgresCustomerProfiles profiles,
      CardTokenizer cards,
      Clock clock,
      ObjectProvider<EmbeddedEngine> engine,
      ObjectProvider<ProcessDeployer> deployer,
      ObjectProvider<ReviewInbox> reviews,
      JobTraffic applicationJobTraffic,
      InFlight benchInFlight,
      FetchFeaturesWorker fetchFeatures,
      ScoreWorker score,
      ObjectMapper json,
      PaymentLedger ledger,
      Environment environment) {
    this.ledger = ledger;
    // Deployed before the first payment, when this application deploys at all.
    deployer.ifAvailable(d -> {});
    this.settings = settings;
    this.user = user;
    this.warmUp = warmUp;
    this.profiles = profiles;
    this.cards = cards;
    this.clock = clock;
    this.engine = engine;
    this.reviews = reviews;
    this.traffic = applicationJobTraffic;
    this.inFlight = benchInFlight;
    this.fetchFeatures = fetchFeatures;
    this.score = score;
    this.json = json;
    this.environment = environment;
  }

  @EventListener
  void on(DecisionRecorded event) {
    if (event.firstTime()) {
      inFlight.decided(event.auditKey(), false);
    }
  }

  @EventListener
  void on(ReviewOpened event) {
    if (event.transactionId() != null) {
      inFlight.decided(event.transactionId(), true);
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    EmbeddedEngine applicationEngine = engine.getIfAvailable();
    if (applicationEngine == null) {
      throw new IllegalStateException(
          "bench-e2e measures the application on the embedded engine: leave camunda.client.grpc-address unset");
    }
    String runTag =
        "b"
            + DateTimeFormatter.ofPattern("yyMMddHHmmss")
                .withZone(ZoneOffset.UTC)
                .format(clock.instant());
    report.header(runTag, settings, Machine.describe(), Machine.loadAverage());
    PaymentSource payments = new PaymentSource(history(runTag), runTag);
    URI endpoint =
        URI.create(
            "http://127.0.0.1:"
                + environment.getRequiredProperty("local.server.port")
                + "/transactions");
    OpenLoop loop = new OpenLoop(inFlight, payments, settings.maxInFlight());
    try (FullPipeline full =
            new FullPipeline(
                endpoint, user, settings.answerWait(), inFlight, json, applicationEngine, traffic);
        // The soak measures the application alone: no second engine beside it.
        NoOpPipeline noOp =
            settings.noOp() && !settings.soaking() ? noOpPipeline(payments) : null) {
      warmUp(loop, full);
      if (noOp != null) {
        warmUp(loop, noOp);
      }
      if (settings.soaking()) {
        soak(loop, full, applicationEngine);
      } else {
        List<PhaseResult> results = new ArrayList<>();
        for (int rate : settings.rates()) {
          results.add(report.phase(runPhase(loop, full, rate, settings.duration())));
          if (noOp != null) {
            results.add(report.phase(runPhase(loop, noOp, rate, settings.duration())));
          }
        }
        report.summary(results, settings);
        report.breakdown(results);
      }
      if (settings.captureRecords()) {
        report.records("full", applicationEngine.recordsAsJson());
        if (noOp != null) {
          report.records("no-op", noOp.engine().recordsAsJson());
        }
      }
      Map<String, Long> left = drainAll();
      report.accounted(left, Machine.loadAverage());
      exitCode = left.getOrDefault(LOST, 0L) > 0 ? 3 : 0;
    }
  }

  /**
   * The history before the screened payments, written to the feature store; returns the stream
   * after it.
   */
  private Iterator<LabelledTransaction> history(String runTag) {
    SyntheticWorld world =
        SyntheticWorld.create(settings.seed(), settings.customers(), settings.merchants());
    profiles.upsertAll(world.profiles());
    long total = settings.history() + settings.plannedPayments();
    double perSecond = settings.customers() * PAYMENTS_PER_CUSTOMER_PER_DAY / 86_400.0;
    // The stream ends about now, so no payment is dated in the future.
    Instant start =
        clock.instant().minusSeconds((long) (total / perSecond)).minus(Duration.ofMinutes(10));
    Iterator<LabelledTransaction> stream =
        new TransactionGenerator(
                world, new GeneratorSettings(settings.seed(), start, 0.02, 0.0, perSecond), cards)
            .iterator();
    warmUp.run(stream, settings.history(), settings.seed(), report::line);
    return stream;
  }

  /**
   * The no-op pipeline, answering with the real workers' outputs for one payment the decision table
   * approves (the approve path is what nearly every payment takes).
   */
  private NoOpPipeline noOpPipeline(PaymentSource payments) {
    NoOpPipeline noOp =
        NoOpPipeline.start(
            inFlight,
            cards,
            settings.answerWait(),
            settings.captureRecords(),
            environment.getProperty("camunda.client.execution-threads", Integer.class, 8));
    try {
      for (int attempt = 0; attempt < 100; attempt++) {
        BenchPayment sample = payments.next();
        ScreenedPayment screened =
            CannedVariables.withId(
                ScreenedPayment.of(sample.transaction()), sample.transactionId());
        FetchFeaturesWorker.FeaturesFetched features =
            fetchFeatures.fetch(new FetchFeaturesWorker.Input(screened));
        ScoreWorker.Scored scored =
            score.score(new ScoreWorker.Input(features.features(), features.degradedReason()));
        CannedVariables canned = new CannedVariables(screened, features, scored);
        if ("APPROVE".equals(noOp.decisionFor(canned))) {
          noOp.open(
              canned,
              environment.getProperty(
                  "camunda.client.worker.defaults.max-jobs-active", Integer.class, 64));
          return noOp;
        }
      }
      throw new IllegalStateException(
          "No approved payment among 100 synthetic ones to take canned variables from");
    } catch (RuntimeException e) {
      noOp.close();
      throw e;
    }
  }

  private void warmUp(OpenLoop loop, Pipeline pipeline) throws InterruptedException {
    if (settings.warmUp().isZero()) {
      return;
    }
    // A gentle first half: a cold application at full warm-up rate once exhausted its connection
    // pool.
    Duration half = settings.warmUp().dividedBy(2);
    report.line("warm-up " + pipeline.name() + " (these rows are not in the summary):");
    report.phase(runPhase(loop, pipeline, BenchE2eSettings.WARM_UP_RATE / 4, half));
    report.phase(
        runPhase(loop, pipeline, BenchE2eSettings.WARM_UP_RATE, settings.warmUp().minus(half)));
  }

  private void soak(OpenLoop loop, Pipeline full, EmbeddedEngine applicationEngine)
      throws InterruptedException {
    ReviewInbox inbox = reviews.getIfAvailable();
    Duration after = settings.soakReviewAfter();
    try (SoakAnalyst analyst =
        inbox == null || after.isZero() ? null : new SoakAnalyst(inbox, after, clock)) {
      new Soak(settings, loop, full, inFlight, applicationEngine, report, this::runPhase).run();
      report.line(
          analyst == null
              ? "reviews     nobody reviewed during the soak: open reviews stayed in the engine"
              : String.format(
                  "reviews     %,d approved by %s %s after they opened (%,d attempts failed and"
                      + " were retried); %,d pending at the end",
                  analyst.decided(), SoakAnalyst.NAME, after, analyst.failed(), inbox.size()));
    }
  }

  /** One phase: arrivals at {@code rate} for {@code length}, then its drain, measured. */
  PhaseResult runPhase(OpenLoop loop, Pipeline pipeline, int rate, Duration length)
      throws InterruptedException {
    pipeline.traffic().reset();
    CpuMeter.Reading before = cpu.read();
    long recordsBefore = pipeline.recordsWritten();
    long began = System.nanoTime();
    Phase phase = new Phase(pipeline.name(), rate, began + LEAD_NANOS);
    loop.run(phase, pipeline, length, Long.MAX_VALUE);
    long undecided = drain(phase);
    Thread.sleep(SETTLE_MILLIS);
    CpuMeter.Reading after = cpu.read();
    if (Boolean.getBoolean("fraud.bench-e2e.threads")) {
      report.line(
          pipeline.name()
              + " "
              + rate
              + "/s busiest threads (ns): "
              + CpuMeter.busiest(before, after, 20));
    }
    return new PhaseResult(
        phase,
        undecided,
        pipeline.recordsWritten() - recordsBefore,
        pipeline.traffic().snapshot(),
        CpuMeter.spent(before, after),
        (System.nanoTime() - began) / 1e9,
        after.gcMillis() - before.gcMillis(),
        after.jitMillis() - before.jitMillis(),
        Machine.loadAverage());
  }

  /**
   * Waits for the phase's decisions and answers, up to the drain timeout; returns how many were not
   * decided.
   */
  long drain(Phase phase) throws InterruptedException {
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      long answers = phase.answeredCount() + phase.pastDeadlineCount() + phase.failedCount();
      if (inFlight.undecided(phase) == 0 && answers >= phase.startedCount()) {
        return 0;
      }
      Thread.sleep(50);
    }
    return inFlight.undecided(phase);
  }

  /**
   * At the end: waits for every payment started; those still undecided are told apart by the
   * ledger. Accepted there and not decided: {@value #LOST}. Absent: the call failed before the
   * payment was accepted (the payment system would retry it); no-op payments have no ledger and
   * count as lost.
   */
  private Map<String, Long> drainAll() throws InterruptedException {
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    while (inFlight.size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Map<String, Long> left = new TreeMap<>();
    inFlight
        .undecidedByPipeline()
        .forEach(
            (id, pipeline) -> {
              String kind =
                  "full".equals(pipeline) && ledger.find(id).isEmpty() ? NEVER_ACCEPTED : LOST;
              left.merge(kind, 1L, Long::sum);
            });
    return left;
  }
}
