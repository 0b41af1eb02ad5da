package io.fraudops.cli.bench;

import io.fraudops.model.scoring.AblationExplainer;
import io.fraudops.model.scoring.FraudModel;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ReasonCode;
import io.fraudops.model.scoring.ReasonExplainer;
import io.fraudops.model.scoring.ScoreResult;
import io.fraudops.model.scoring.Scorer;
import io.fraudops.model.scoring.TreeContributionExplainer;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Benchmarks the model alone, in process, without stores: single-row latency of a prediction, of a
 * score with tree-path reasons and with ablation reasons, and batch throughput on 1 and on N
 * threads. Rough figures (nanoTime around each call, JIT warm-up first), not JMH.
 *
 * <p>Run by {@code ./fraud bench-model} ({@link BenchModelCommand}).
 */
final class ModelBench {

  // Results feed this so the JIT cannot drop a prediction as unused.
  private static volatile double sink;

  private ModelBench() {}

  static void run(ModelBenchOptions options, PrintWriter out) throws InterruptedException {
    progress(
        "building feature rows"
            + (options.synthetic() ? " and training the model" : " and loading the model"));
    try (ModelBenchSubject subject = ModelBenchSubject.prepare(options)) {
      ModelArtifact artifact = subject.artifact();
      FraudModel model = artifact.model();
      double[][] rows = subject.rows();
      int calls = options.calls();
      // Ablation costs one prediction per feature: a tenth of the calls gives stable percentiles
      // sooner.
      int ablationCalls = Math.max(1, calls / 10);
      ModelBenchReport report = new ModelBenchReport(out);
      report.configuration(options, subject, warmup(calls), ablationCalls);

      progress("single-row predictions");
      Latencies predict = single(rows, calls, model::predictProbability);
      Latencies tree = null;
      if (artifact.explainer() instanceof TreeContributionExplainer) {
        progress("single-row scores with tree reasons");
        tree =
            single(
                rows,
                calls,
                scoring(new Scorer(model, artifact.explainer(), artifact.baselines())));
      }
      progress("single-row scores with ablation reasons");
      Scorer ablation = new Scorer(model, new AblationExplainer(), artifact.baselines());
      Latencies ablated = single(rows, ablationCalls, scoring(ablation));
      report.latencies(predict, tree, ablated);

      progress("batch throughput");
      BatchThroughput batches = new BatchThroughput(model, rows, options.batch(), calls);
      report.throughput(options.batch(), List.of(batches.run(1), batches.run(options.threads())));
      if (artifact.explainer() instanceof TreeContributionExplainer) {
        report.agreement(agreement(model, artifact.explainer(), rows, artifact.baselines()));
      }
      out.flush();
    }
  }

  /** Enough calls for C2 to compile the path, not so many that a short run is all warm-up. */
  static int warmup(int calls) {
    return Math.min(200_000, Math.max(1_000, calls / 5));
  }

  private static ToDoubleFunction<double[]> scoring(Scorer scorer) {
    return row -> {
      ScoreResult result = scorer.score(row);
      return result.probability() + result.reasons().size();
    };
  }

  private static Latencies single(double[][] rows, int calls, ToDoubleFunction<double[]> call) {
    double sum = 0;
    int warmup = warmup(calls);
    for (int i = 0; i < warmup; i++) {
      sum += call.applyAsDouble(rows[i % rows.length]);
    }
    Latencies latencies = new Latencies(calls);
    for (int i = 0; i < calls; i++) {
      double[] row = rows[i % rows.length];
      long start = System.nanoTime();
      sum += call.applyAsDouble(row);
      latencies.record(System.nanoTime() - start);
    }
    sink += sum;
    return latencies;
  }

  /**
   * On the rows scored 0.5 or more: how often the tree explainer's top reason is ablation's, and
   * how often it is at least among ablation's top three (features that only raise risk together tie
   * under ablation).
   */
  private static ModelBenchReport.Agreement agreement(
      FraudModel model, ReasonExplainer trees, double[][] rows, double[] baselines) {
    AblationExplainer ablation = new AblationExplainer();
    double[] probabilities = model.predictProbabilities(rows);
    int high = 0;
    int same = 0;
    int inTop3 = 0;
    for (int i = 0; i < rows.length; i++) {
      if (probabilities[i] < 0.5) {
        continue;
      }
      high++;
      List<ReasonCode> byTrees = trees.explain(model, rows[i], probabilities[i], baselines, 1);
      List<ReasonCode> byAblation =
          ablation.explain(model, rows[i], probabilities[i], baselines, 3);
      if (byTrees.isEmpty() || byAblation.isEmpty()) {
        continue;
      }
      String top = byTrees.getFirst().feature();
      same += top.equals(byAblation.getFirst().feature()) ? 1 : 0;
      inTop3 += byAblation.stream().anyMatch(reason -> reason.feature().equals(top)) ? 1 : 0;
    }
    return new ModelBenchReport.Agreement(same, inTop3, high);
  }

  static void consume(double value) {
    sink += value;
  }

  private static void progress(String message) {
    System.err.println("[bench-model] " + message);
  }
}
