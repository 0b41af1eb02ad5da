package io.fraudops.cli.bench;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.transaction.Transaction;
import java.io.PrintWriter;
import java.util.List;

/**
 * Benchmarks the scoring hot path, fetching a payment's features and scoring it, against real Redis
 * and PostgreSQL (embedded on loopback unless endpoints are given) and prints p50 / p99 / p99.9 and
 * throughput. Run by {@code ./fraud bench} ({@link BenchCommand}).
 *
 * <p>Given endpoints receive writes: the schema migration, synthetic customer profiles (ids
 * C000001...) upserted into {@code customer_profile}, and online-store keys under the given prefix.
 * Point it at a scratch database and Redis, not at production.
 */
final class HotPathBench {

  private HotPathBench() {}

  static void run(BenchOptions options, PrintWriter out) throws Exception {
    long begin = System.nanoTime();
    progress("starting stores");
    try (BenchStores stores = BenchStores.open(options);
        HotPath path = new HotPath(stores, options.model(), options.redisKeyPrefix())) {
      long storesReady = System.nanoTime();
      SyntheticWorld world =
          SyntheticWorld.create(options.seed(), options.customers(), options.merchants());
      path.profiles().upsertAll(world.profiles());
      PaymentStream stream = new PaymentStream(world, options.seed());
      long profilesReady = System.nanoTime();

      progress("warm-up: %,d payments".formatted(options.warmup()));
      warmUp(path, stream, options.warmup());
      long warm = System.nanoTime();

      progress("measuring %,d payments on 1 thread".formatted(options.measure()));
      PhaseResult single = singleThread(path, stream.take(options.measure()));
      progress(
          "measuring %,d payments on %d threads".formatted(options.measure(), options.threads()));
      PhaseResult concurrent =
          ConcurrentPhase.run(path, stream.take(options.measure()), options.threads());

      BenchReport report = new BenchReport(out);
      report.configuration(options, stores, path, stream.perSecond());
      report.timings(
          "stores %.1f s, profiles %.1f s, warm-up %.1f s, total %.1f s"
              .formatted(
                  seconds(storesReady - begin),
                  seconds(profilesReady - storesReady),
                  seconds(warm - profilesReady),
                  seconds(System.nanoTime() - begin)));
      report.phases(List.of(single, concurrent));
      out.flush();
    }
  }

  /**
   * Builds the customers' histories and lets the JIT compile both steps. Scoring is included
   * although it writes nothing: otherwise the first measured scores would run interpreted.
   */
  private static void warmUp(HotPath path, PaymentStream stream, int payments) {
    for (int i = 0; i < payments; i++) {
      FeatureResult result = path.features(stream.next());
      path.score(result.vector());
    }
  }

  private static PhaseResult singleThread(HotPath path, List<Transaction> payments) {
    Measurement measurement = new Measurement(payments.size());
    long start = System.nanoTime();
    for (Transaction tx : payments) {
      measurement.screen(path, tx);
    }
    return new PhaseResult("single", 1, measurement, System.nanoTime() - start, 1.0);
  }

  private static void progress(String message) {
    System.err.println("[bench] " + message);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
