package io.fraudops.model.training;

import io.fraudops.model.training.evaluation.ConfusionMatrix;
import io.fraudops.model.training.evaluation.Performance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The params and metrics a training run records with its model. Names are snake_case as in CatBoost
 * and MLflow; {@code train_*} and {@code holdout_*} metric names are the ones registries and
 * dashboards already read ({@code holdout_auc}), "holdout" being the later, evaluation period.
 * Period instants are those of the first and last payment in each period, inclusive.
 */
final class TrainingMetadata {

  private TrainingMetadata() {}

  static Map<String, String> params(TrainingRequest request, TimeSplit split) {
    TrainingParams p = request.params();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("iterations", Integer.toString(p.iterations()));
    params.put("depth", Integer.toString(p.depth()));
    params.put("learning_rate", Double.toString(p.learningRate()));
    params.put("border_count", Integer.toString(p.borderCount()));
    params.put("l2_leaf_reg", Double.toString(p.l2LeafReg()));
    params.put("seed", Long.toString(p.seed()));
    params.put("subsample", Double.toString(p.subsample()));
    params.put("threshold", Double.toString(request.threshold()));
    if (request.split() instanceof SplitRule.Share share) {
      params.put("train_share", Double.toString(share.share()));
    }
    params.put("split_at", split.cut().toString());
    params.put("train_from", split.train().first().toString());
    params.put("train_until", split.train().last().toString());
    params.put("evaluate_from", split.evaluation().first().toString());
    params.put("evaluate_until", split.evaluation().last().toString());
    params.put("train_rows", Integer.toString(split.train().rows()));
    params.put("train_fraud", Integer.toString(split.train().fraud()));
    params.put("evaluate_rows", Integer.toString(split.evaluation().rows()));
    params.put("evaluate_fraud", Integer.toString(split.evaluation().fraud()));
    params.put("source_file", request.source().name());
    if (request.source().sha256() != null) {
      params.put("source_sha256", request.source().sha256());
    }
    return params;
  }

  static Map<String, Double> metrics(Performance training, Performance evaluation) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    put(metrics, "train", training);
    put(metrics, "holdout", evaluation);
    ConfusionMatrix at = evaluation.confusion();
    metrics.put("holdout_precision", at.precision());
    metrics.put("holdout_recall", at.recall());
    metrics.put("holdout_f1", at.f1());
    metrics.put("holdout_false_positive_rate", at.falsePositiveRate());
    metrics.put("holdout_tp", (double) at.truePositives());
    metrics.put("holdout_fp", (double) at.falsePositives());
    metrics.put("holdout_tn", (double) at.trueNegatives());
    metrics.put("holdout_fn", (double) at.falseNegatives());
    return metrics;
  }

  private static void put(Map<String, Double> metrics, String prefix, Performance performance) {
    metrics.put(prefix + "_auc", performance.summary().rocAuc());
    metrics.put(prefix + "_pr_auc", performance.prAuc());
    metrics.put(prefix + "_logloss", performance.summary().logLoss());
    metrics.put(prefix + "_rows", (double) performance.summary().rows());
    metrics.put(prefix + "_positives", (double) performance.summary().positives());
  }
}
