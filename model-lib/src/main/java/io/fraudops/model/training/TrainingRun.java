package io.fraudops.model.training;

import io.fraudops.model.drift.ReferenceBuilder;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.evaluation.Performance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run, start to finish, without I/O: split by time, fit on the earlier period, score
 * both, and assemble the sidecar metadata (trainer settings, data periods and source, metrics,
 * reason-code baselines, drift reference). Writing the files and registering are the caller's.
 */
public final class TrainingRun {

  private TrainingRun() {}

  /**
   * @throws IllegalArgumentException when the split leaves a period without both classes
   */
  public static TrainingResult run(TrainingCsv.Rows rows, TrainingRequest request) {
    TimeSplit split = TimeSplit.of(rows, request.split());
    Dataset train = split.train().data();
    long begin = System.nanoTime();
    TrainedModel model = ObliviousTreeTrainer.fit(train, request.params());
    Duration fitTime = Duration.ofNanos(System.nanoTime() - begin);
    double[] trainScores = scores(model, train);
    Dataset later = split.evaluation().data();
    Performance training = Performance.of(trainScores, train.labels(), request.threshold());
    Performance evaluation =
        Performance.of(scores(model, later), later.labels(), request.threshold());
    ModelMetadata metadata =
        new ModelMetadata(
            request.modelName(),
            request.version(),
            request.trainedAt(),
            TrainingMetadata.metrics(training, evaluation),
            baselines(train),
            model.featureNames(),
            TrainingMetadata.params(request, split),
            ReferenceBuilder.build(model.featureNames(), train.rows(), trainScores));
    return new TrainingResult(
        request,
        split,
        model,
        metadata,
        training,
        evaluation,
        FeatureImportance.of(model, train),
        fitTime);
  }

  static double[] scores(TrainedModel model, Dataset data) {
    double[][] rows = data.rows();
    double[] scores = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      scores[i] = model.predictProbability(rows[i]);
    }
    return scores;
  }

  private static Map<String, Double> baselines(Dataset train) {
    List<String> names = List.of(train.featureNames());
    double[] medians = train.featureMedians();
    Map<String, Double> baselines = new LinkedHashMap<>();
    for (int f = 0; f < names.size(); f++) {
      baselines.put(names.get(f), medians[f]);
    }
    return baselines;
  }
}
