package io.fraudops.model.scoring;

import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Rough figures, not a JMH benchmark: training time, then single-row latency and batch throughput
 * of a 300-tree depth-6 model on 20 features through catboost4j. Not a test (no *Test name), run by
 * hand:
 *
 * <pre>
 * ./mvnw -q -pl model-lib test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp model-lib/target/classes:model-lib/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.fraudops.model.scoring.ScoringBench
 * </pre>
 */
public final class ScoringBench {

  private static final int ROWS = 50_000;
  private static final int SINGLE_CALLS = 1_000_000;
  private static final int BATCH = 1_024;

  public static void main(String[] args) throws Exception {
    Dataset data = wide(ROWS, 1);
    long start = System.nanoTime();
    ObliviousTreeTrainer.fit(data, TrainingParams.defaults());
    System.out.printf(
        "train %d rows x %d features, 200 trees depth 6: %.2f s%n",
        ROWS, data.featureCount(), (System.nanoTime() - start) / 1e9);
    start = System.nanoTime();
    TrainedModel trained =
        ObliviousTreeTrainer.fit(data, TrainingParams.defaults().withIterations(300));
    System.out.printf("train 300 trees depth 6: %.2f s%n", (System.nanoTime() - start) / 1e9);

    Path file = Files.createTempFile("bench", ".json");
    trained.writeCatBoostJson(file);
    double[][] rows = wide(10_000, 2).rows();
    try (CatBoostFraudModel model = CatBoostFraudModel.load(file, "bench", "1")) {
      single(model, rows);
      batch(model, rows);
      explained(new Scorer(model, new AblationExplainer(), data.featureMedians()), rows);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void single(FraudModel model, double[][] rows) {
    double sink = 0;
    for (int i = 0; i < 300_000; i++) {
      sink += model.predictProbability(rows[i % rows.length]);
    }
    long[] nanos = new long[SINGLE_CALLS];
    for (int i = 0; i < SINGLE_CALLS; i++) {
      long t = System.nanoTime();
      sink += model.predictProbability(rows[i % rows.length]);
      nanos[i] = System.nanoTime() - t;
    }
    report("single row predictProbability", nanos, sink);
  }

  private static void batch(FraudModel model, double[][] rows) {
    double[][] chunk = Arrays.copyOf(rows, BATCH);
    double sink = 0;
    for (int i = 0; i < 500; i++) {
      sink += model.predictProbabilities(chunk)[0];
    }
    int reps = 2_000;
    long start = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      sink += model.predictProbabilities(chunk)[i % BATCH];
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "batch of %d: %.2f M rows/s (%.1f µs per batch) [%s]%n",
        BATCH, reps * (double) BATCH / seconds / 1e6, seconds / reps * 1e6, sink > 0 ? "ok" : "?");
  }

  private static void explained(Scorer scorer, double[][] rows) {
    double sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += scorer.score(rows[i % rows.length]).probability();
    }
    long[] nanos = new long[50_000];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      sink += scorer.score(rows[i % rows.length]).reasons().size();
      nanos[i] = System.nanoTime() - t;
    }
    report("Scorer.score with 3 ablation reasons", nanos, sink);
  }

  private static void report(String what, long[] nanos, double sink) {
    Arrays.sort(nanos);
    System.out.printf(
        "%s: p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs [%s]%n",
        what,
        nanos[nanos.length / 2] / 1e3,
        nanos[(int) (nanos.length * 0.99)] / 1e3,
        nanos[(int) (nanos.length * 0.999)] / 1e3,
        sink > 0 ? "ok" : "?");
  }

  /** The 10 synthetic features plus 10 more (transforms and noise), 20 in all. */
  private static Dataset wide(int rows, long seed) {
    Dataset base = SyntheticFraudData.generate(rows, seed);
    Random random = new Random(seed + 100);
    String[] names = Arrays.copyOf(base.featureNames(), 20);
    for (int f = 10; f < 20; f++) {
      names[f] = "extra_" + f;
    }
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      double[] r = Arrays.copyOf(base.row(i), 20);
      r[10] = Math.log1p(r[0]);
      r[11] = r[0] * r[1];
      r[12] = r[3] / 365.0 + 0.1 * random.nextGaussian();
      for (int f = 13; f < 20; f++) {
        r[f] = random.nextDouble() < 0.05 ? Double.NaN : random.nextGaussian();
      }
      out[i] = r;
    }
    return new Dataset(names, out, base.labels());
  }
}
