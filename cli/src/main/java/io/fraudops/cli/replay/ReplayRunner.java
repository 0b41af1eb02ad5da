package io.fraudops.cli.replay;

import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.deployment.ProcessDeployer;
import io.fraudops.workers.payment.LedgerProperties;
import io.fraudops.workers.payment.PaymentIntake;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.payment.Submission;
import io.fraudops.workers.scoring.ModelPromotion;
import io.fraudops.workers.scoring.ModelProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The main job: writes a synthetic history to the feature store, then screens the payments that
 * follow it, one process instance each through the gateway, and prints a summary.
 */
@Component
@Profile("replay")
class ReplayRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

  /**
   * Simulated pace of the synthetic stream: about three payments per customer and day, as the
   * generator suggests.
   */
  private static final double PAYMENTS_PER_CUSTOMER_PER_DAY = 3.0;

  private final ReplayProperties properties;
  private final ReplayWarmUp warmUp;
  private final PostgresCustomerProfiles profiles;
  private final ReplayTracker tracker;
  private final DecisionAudit audit;
  private final ReplayConsole console;
  private final Clock clock;
  private final ObjectProvider<ModelPromotion> promotions;
  private final String modelLocation;
  private final PaymentIntake intake;
  private final PaymentLedger ledger;
  private final LedgerProperties ledgerProperties;
  // The warm-up history's cards get the fingerprints the workers give screened cards.
  private final CardTokenizer cards;

  ReplayRunner(
      ReplayProperties properties,
      ReplayWarmUp warmUp,
      PostgresCustomerProfiles profiles,
      ReplayTracker tracker,
      DecisionAudit audit,
      ReplayConsole console,
      Clock clock,
      ObjectProvider<ProcessDeployer> deployer,
      PaymentIntake intake,
      PaymentLedger ledger,
      LedgerProperties ledgerProperties,
      ObjectProvider<ModelPromotion> promotions,
      ModelProperties model,
      CardTokenizer cards) {
    this.promotions = promotions;
    this.intake = intake;
    this.ledger = ledger;
    this.ledgerProperties = ledgerProperties;
    this.cards = cards;
    this.modelLocation = model.location();
    // Deploy first when this application deploys at all (fraud.deployment.enabled).
    deployer.ifAvailable(d -> {});
    this.properties = properties;
    this.warmUp = warmUp;
    this.profiles = profiles;
    this.tracker = tracker;
    this.audit = audit;
    this.console = console;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    String runTag =
        "r"
            + DateTimeFormatter.ofPattern("yyMMddHHmmss")
                .withZone(ZoneOffset.UTC)
                .format(clock.instant());
    SyntheticWorld world =
        SyntheticWorld.create(properties.seed(), properties.customers(), properties.merchants());
    profiles.upsertAll(world.profiles());

    int total = properties.warmup() + properties.transactions();
    double perSecond = properties.customers() * PAYMENTS_PER_CUSTOMER_PER_DAY / 86_400.0;
    // The stream ends about now, so no timestamp is in the future.
    Instant start =
        clock.instant().minusSeconds((long) (total / perSecond)).minus(Duration.ofMinutes(10));
    Iterator<LabelledTransaction> stream =
        new TransactionGenerator(
                world,
                new GeneratorSettings(
                    properties.seed(),
                    start,
                    properties.fraudRate(),
                    properties.invalidRate(),
                    perSecond),
                cards)
            .iterator();

    console.header(runTag, properties, world);
    long earlierOpen = ledger.notInEpoch(ledgerProperties.engineEpoch());
    if (earlierOpen > 0) {
      console.line(
          "earlier runs: %,d accepted payments are not decided and not in this engine (ledger %s);"
              + " the recovery starts them again and re-opens their reviews",
          earlierOpen, ledger.countByStatus(""));
    }
    warmUp.run(stream, properties.warmup(), properties.seed(), text -> console.line("%s", text));
    ReplayResult result = screen(stream, runTag);
    console.summary(result);
    if (earlierOpen > 0) {
      long deadline = System.nanoTime() + properties.timeout().toNanos();
      // Until every earlier payment is decided or its review re-opened here: none left screening.
      while ((ledger.notInEpoch(ledgerProperties.engineEpoch()) > 0 || ledger.undecided() > 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      console.line(
          "earlier runs: %,d payments still outside this engine, %,d undecided; whole ledger now %s",
          ledger.notInEpoch(ledgerProperties.engineEpoch()),
          ledger.undecided(),
          ledger.countByStatus(""));
    }
    if (properties.thenServe()) {
      console.line(
          "%,d reviews wait at http://localhost:8080/reviews (see docs/process.md, Manual review). Ctrl-C stops.",
          result.counts().get(ReplayTracker.Result.WAITING_FOR_REVIEW));
    }
    if (result.unaccounted() > 0) {
      throw new IllegalStateException(
          result.unaccounted() + " instances reached no decision within " + properties.timeout());
    }
  }

  /**
   * A data scientist's promotion in the middle of the stream: the workers must swap without a
   * failure.
   */
  private void promote() {
    ModelPromotion promotion = promotions.getIfAvailable();
    if (promotion == null) {
      console.line(
          "promote-at ignored: the model registry is off (fraud.model.registry.enabled=false)");
      return;
    }
    String location =
        properties.promoteLocation() == null || properties.promoteLocation().isBlank()
            ? modelLocation
            : properties.promoteLocation();
    int version = promotion.registerAndPromote(location);
    console.line(
        "promoted %s as version %d; the workers pick it up at their next poll", location, version);
  }

  private ReplayResult screen(Iterator<LabelledTransaction> stream, String runTag)
      throws InterruptedException {
    tracker.follow(runTag, properties.inFlight());
    Instant since = clock.instant();
    int[] accepted = {0};
    int[] conflicts = {0};
    long begin = System.nanoTime();
    long nextProgress = begin + properties.progressEvery().toNanos();
    int sent = 0;
    while (sent < properties.transactions() && stream.hasNext()) {
      Map<String, Object> payload = new HashMap<>(stream.next().payload());
      String id = payload.get("transactionId") instanceof String raw ? runTag + "-" + raw : null;
      if (id != null) {
        payload.put("transactionId", id);
      }
      tracker.acquire();
      long sentAt = System.nanoTime();
      // Through the intake, as a payment system's POST /transactions: ledgered first, then started;
      // a
      // start that fails is retried by the recovery, so the tracker just keeps waiting for the
      // payment.
      PaymentIntake.Started started = intake.submitAsync(payload, "replay");
      switch (started.submission()) {
        case Submission.Rejected rejected -> tracker.rejected(sentAt);
        case Submission.Conflict conflict -> {
          conflicts[0]++;
          tracker.failedToStart();
        }
        case Submission.Accepted ok -> {
          accepted[0]++;
          tracker.started(ok.payment().transactionId(), sentAt);
        }
      }
      sent++;
      if (sent == properties.promoteAt()) {
        promote();
      }
      if (System.nanoTime() >= nextProgress) {
        console.progress(
            sent, properties.transactions(), tracker.counts(), System.nanoTime() - begin);
        nextProgress += properties.progressEvery().toNanos();
      }
    }
    long deadline = System.nanoTime() + properties.timeout().toNanos();
    while (tracker.accounted() + conflicts[0] < sent && System.nanoTime() < deadline) {
      Thread.sleep(50);
      if (System.nanoTime() >= nextProgress) {
        console.progress(
            sent, properties.transactions(), tracker.counts(), System.nanoTime() - begin);
        nextProgress += properties.progressEvery().toNanos();
      }
    }
    long elapsed = System.nanoTime() - begin;
    return new ReplayResult(
        runTag,
        sent,
        sent - conflicts[0],
        conflicts[0],
        tracker.counts(),
        List.copyOf(tracker.undecided()),
        tracker.latency(),
        elapsed,
        audit.countByOutcome(runTag, since),
        audit.countByModelVersion(runTag, since),
        ledger.countByStatus(runTag + "-"));
  }
}
