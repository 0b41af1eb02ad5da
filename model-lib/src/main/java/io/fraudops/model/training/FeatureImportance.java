package io.fraudops.model.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How much each feature moves the model's predictions, computed as CatBoost's default {@code
 * PredictionValuesChange}: for every split on the feature, the two leaves that differ only in that
 * split are compared, {@code (v1 - avg)^2 * c1 + (v2 - avg)^2 * c2} with {@code c} the training
 * rows in each leaf and {@code avg} their weighted mean value; summed over trees and normalised to
 * 100. The raw count of splits is kept beside it: a feature split on often but near-uselessly shows
 * up there only.
 *
 * @param importance per feature, in percent of the total (all 0 for a model without splits)
 * @param splits per feature, how many tree levels split on it
 */
public record FeatureImportance(List<String> featureNames, double[] importance, int[] splits) {

  public FeatureImportance {
    featureNames = List.copyOf(featureNames);
    if (importance.length != featureNames.size() || splits.length != featureNames.size()) {
      throw new IllegalArgumentException("need an importance and a split count for each feature");
    }
    importance = importance.clone();
    splits = splits.clone();
  }

  public static FeatureImportance of(TrainedModel model, Dataset training) {
    int features = model.featureNames().size();
    double[] change = new double[features];
    int[] splits = new int[features];
    double[][] rows = training.rows();
    for (ObliviousTree tree : model.trees()) {
      long[] counts = new long[1 << tree.depth()];
      for (double[] row : rows) {
        counts[tree.leafIndex(row)]++;
      }
      for (int level = 0; level < tree.depth(); level++) {
        splits[tree.feature(level)]++;
        change[tree.feature(level)] += levelChange(tree, counts, level);
      }
    }
    double total = Arrays.stream(change).sum();
    double[] percent = Arrays.stream(change).map(c -> total > 0 ? 100 * c / total : 0).toArray();
    return new FeatureImportance(model.featureNames(), percent, splits);
  }

  /** Feature indices, most important first (ties by split count, then name order). */
  public int[] ranking() {
    return IntStream.range(0, importance.length)
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer f) -> -importance[f])
                .thenComparingInt(f -> -splits[f]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Override
  public double[] importance() {
    return importance.clone();
  }

  @Override
  public int[] splits() {
    return splits.clone();
  }

  private static double levelChange(ObliviousTree tree, long[] counts, int level) {
    double sum = 0;
    int bit = 1 << level;
    for (int left = 0; left < counts.length; left++) {
      if ((left & bit) != 0) {
        continue;
      }
      int right = left | bit;
      long c1 = counts[left];
      long c2 = counts[right];
      if (c1 + c2 == 0) {
        continue;
      }
      double v1 = tree.leafValue(left);
      double v2 = tree.leafValue(right);
      double avg = (v1 * c1 + v2 * c2) / (c1 + c2);
      sum += (v1 - avg) * (v1 - avg) * c1 + (v2 - avg) * (v2 - avg) * c2;
    }
    return sum;
  }
}
