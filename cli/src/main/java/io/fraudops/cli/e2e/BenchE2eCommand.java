package io.fraudops.cli.e2e;

import io.fraudops.cli.FraudCli;
import io.fraudops.cli.serve.ApplicationOptions;
import io.fraudops.cli.serve.LocalApplication;
import io.fraudops.cli.serve.SpringArguments;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.workers.FraudWorkersApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./fraud bench-e2e}: the whole application on the local runtime under open-loop load,
 * beside the same process with no-op workers on an engine of its own (the engine's limit). See
 * {@link BenchE2eRunner}.
 */
@Command(
    name = "bench-e2e",
    header =
        "Open-loop load at fixed rates through POST /transactions, against the engine's own limit.",
    description = {
      "Runs the screening application on the local runtime (as serve does) and offers payments at fixed rates"
          + " (open loop: each arrival is scheduled by the clock, never by an earlier answer) through POST"
          + " /transactions with Prefer: wait. For each rate: the decision latency (arrival -> decision in the"
          + " ledger, or review opened), the synchronous answer's latency, decisions/s reached, records and jobs"
          + " per decision and where the CPU went. Then the same rate through the same BPMN on a second"
          + " embedded engine whose workers complete every job at once with canned variables: the engine's own"
          + " limit, and the ratio of the two. Ends with the highest rate sustained with p99 under --p99-bound.",
      "--soak runs the application at --soak-rate for that long instead, sampling heap after GC and throughput"
          + " every --sample-every, with short bursts at --probe-rate after --soak-probes payments.",
      "Every store is a fresh stand-in unless configured: free ports (the HTTP API, the engine, S3, PostgreSQL"
          + " and Redis; the defaults shown below are serve's) and a PostgreSQL folder of its own under the"
          + " temporary folder, deleted at the end. Any other Spring property of the application passes through as"
          + " --name=value. The machine is shared with whatever else runs: the load average is printed at the top"
          + " and with every rate."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "3:a payment accepted in the ledger was not decided by the end of the last drain (lost)"
    })
public final class BenchE2eCommand implements Callable<Integer> {

  @Option(
      names = "--rates",
      paramLabel = "<per-second>",
      split = ",",
      defaultValue = "10,25,50,100,200",
      description = "Offered arrival rates, payments per second, in the order run.")
  List<Integer> rates;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      defaultValue = "30s",
      description = "How long each rate is offered.")
  Duration duration;

  @Option(
      names = "--p99-bound",
      paramLabel = "<duration>",
      defaultValue = "100ms",
      description =
          "A rate is sustained while the decision's p99 stays under this, every payment is decided and"
              + " at least 95 %% of the offered rate is reached.")
  Duration p99Bound;

  @Option(
      names = "--answer-wait",
      paramLabel = "<duration>",
      defaultValue = "5s",
      description =
          "The synchronous answer's deadline asked for (Prefer: wait=<seconds>); whole seconds.")
  Duration answerWait;

  @Option(
      names = "--warm-up",
      paramLabel = "<duration>",
      defaultValue = "2m",
      description =
          "First, per pipeline, unreported phases (JIT, pools; after one minute the JIT still"
              + " compiled 5-10 ms of CPU per decision): half of it at "
              + BenchE2eSettings.WARM_UP_RATE / 4
              + "/s, half at "
              + BenchE2eSettings.WARM_UP_RATE
              + "/s.")
  Duration warmUp;

  @Option(
      names = "--drain-timeout",
      paramLabel = "<duration>",
      defaultValue = "2m",
      description =
          "After each phase, how long to wait for its last decisions before counting them undecided.")
  Duration drainTimeout;

  @Option(
      names = "--history",
      paramLabel = "<n>",
      defaultValue = "5000",
      description = "Payments of history written first.")
  int history;

  @Option(
      names = "--customers",
      paramLabel = "<n>",
      defaultValue = "2000",
      description = "Synthetic customers.")
  int customers;

  @Option(
      names = "--merchants",
      paramLabel = "<n>",
      defaultValue = "300",
      description = "Synthetic merchants.")
  int merchants;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "42",
      description = "The generator's seed.")
  long seed;

  @Option(
      names = "--no-op",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "true",
      showDefaultValue = Visibility.ALWAYS,
      description = "Also run every rate through the no-op pipeline (the engine's own limit).")
  boolean noOp;

  @Option(
      names = "--capture-records",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "false",
      showDefaultValue = Visibility.ALWAYS,
      description =
          "Capture both engines' records and print them by type per decision. Capturing costs the"
              + " engine's thread: run it at a low rate, apart from the figures that count (at most the newest"
              + " 50,000 records are kept).")
  boolean captureRecords;

  @Option(
      names = "--soak",
      paramLabel = "<duration>",
      defaultValue = "0s",
      description =
          "Instead of the rates: the full pipeline at --soak-rate for this long (e.g. 30m).")
  Duration soak;

  @Option(
      names = "--soak-rate",
      paramLabel = "<per-second>",
      defaultValue = "50",
      description = "The soak's offered rate.")
  int soakRate;

  @Option(
      names = "--sample-every",
      paramLabel = "<duration>",
      defaultValue = "1m",
      description = "The soak's sampling interval.")
  Duration sampleEvery;

  @Option(
      names = "--soak-probes",
      paramLabel = "<n>",
      split = ",",
      defaultValue = "2000,50000",
      description =
          "During the soak, after this many payments: a burst at --probe-rate, whose decisions/s is the"
              + " throughput reached then (compare the first with the last).")
  List<Integer> probeAt;

  @Option(
      names = "--probe-rate",
      paramLabel = "<per-second>",
      defaultValue = "200",
      description = "The probes' offered rate.")
  int probeRate;

  @Option(
      names = "--probe-duration",
      paramLabel = "<duration>",
      defaultValue = "20s",
      description = "How long a probe lasts.")
  Duration probeDuration;

  @Option(
      names = "--soak-review-after",
      paramLabel = "<duration>",
      defaultValue = "1m",
      description =
          "During the soak, an analyst approves each review this long after it opened, as a review"
              + " team would (0s: nobody reviews, and the open reviews pile up in the engine's state).")
  Duration soakReviewAfter;

  @Option(
      names = "--max-in-flight",
      paramLabel = "<n>",
      defaultValue = "4000",
      description =
          "Arrivals while this many payments are undecided are dropped and counted, never queued.")
  int maxInFlight;

  @Mixin ApplicationOptions application;

  @Unmatched List<String> springProperties = new ArrayList<>();

  @Spec CommandSpec spec;

  /** The options, checked by {@link BenchE2eSettings}. */
  BenchE2eSettings settings() {
    try {
      BenchE2eSettings settings =
          new BenchE2eSettings(
              rates,
              duration,
              p99Bound,
              answerWait,
              warmUp,
              drainTimeout,
              history,
              customers,
              merchants,
              seed,
              noOp,
              captureRecords,
              soak,
              soakRate,
              sampleEvery,
              probeAt,
              probeRate,
              probeDuration,
              soakReviewAfter,
              maxInFlight);
      // The synthetic world has rules of its own (enough merchants per category): refused here,
      // before anything starts.
      SyntheticWorld.create(seed, customers, merchants);
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() {
    BenchE2eSettings settings = settings();
    String[] args = withFreeHttpPort(SpringArguments.of(spec, springProperties));
    Path scratch = scratchFolder();
    BenchUser user = BenchUser.generate();
    try {
      SpringApplication app =
          new SpringApplication(FraudWorkersApplication.class, BenchE2eConfiguration.class);
      app.setWebApplicationType(WebApplicationType.SERVLET);
      app.setAdditionalProfiles(BenchE2eConfiguration.PROFILE);
      app.addInitializers(
          context -> {
            context.getBeanFactory().registerSingleton("benchE2eSettings", settings);
            context.getBeanFactory().registerSingleton("benchUser", user);
          });
      return LocalApplication.runToEnd(
          app, args, FraudCli.verbose(spec), defaults(settings, scratch, user));
    } finally {
      FileSystemUtils.deleteRecursively(scratch.toFile());
    }
  }

  /**
   * Defaults only (anything typed wins): free ports, so a bench runs beside a serve; a PostgreSQL
   * of its own, so an earlier run's payments are neither counted nor started again; a user of its
   * own.
   */
  private static Map<String, Object> defaults(
      BenchE2eSettings settings, Path scratch, BenchUser user) {
    Map<String, Object> props = new HashMap<>(user.properties());
    props.put("fraud.embedded.zeebe.port", "0");
    props.put("fraud.embedded.s3.port", "0");
    props.put("fraud.embedded.postgres.port", "0");
    props.put("fraud.embedded.postgres.data-dir", scratch.resolve("postgres").toString());
    props.put("fraud.embedded.zeebe.capture-records", String.valueOf(settings.captureRecords()));
    // The answer's wait is asked for per request, up to this maximum (30 s unless longer is asked).
    props.put(
        "fraud.ledger.max-answer-deadline", Math.max(30, settings.answerWait().toSeconds()) + "s");
    return props;
  }

  /**
   * The application's own configuration sets {@code server.port} (8080), and configuration files
   * win over default properties: a free port is asked for on the command line, unless one was
   * typed.
   */
  private static String[] withFreeHttpPort(String[] args) {
    if (Arrays.stream(args).anyMatch(a -> a.startsWith("--server.port="))) {
      return args;
    }
    String[] withPort = Arrays.copyOf(args, args.length + 1);
    withPort[args.length] = "--server.port=0";
    return withPort;
  }

  private static Path scratchFolder() {
    try {
      return Files.createTempDirectory("fraud-bench-e2e-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the bench's scratch folder", e);
    }
  }
}
