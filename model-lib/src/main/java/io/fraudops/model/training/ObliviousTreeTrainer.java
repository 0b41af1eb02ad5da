package io.fraudops.model.training;

import io.fraudops.model.scoring.Sigmoid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gradient boosting of oblivious trees with logloss, the model family CatBoost trains by default,
 * so the result can be written as a CatBoost JSON model and served by catboost4j. Each level picks
 * the (feature, border) split with the best Newton gain over quantized-bin histograms; leaves get
 * {@code -G / (H + l2) * learningRate}. Deterministic for given data and params.
 *
 * <p>Not CatBoost's algorithm (no ordered boosting, no categorical features, no random strength): a
 * compact baseline trainer for synthetic data, tests and retraining without Python.
 */
public final class ObliviousTreeTrainer {

  /** Keeps the starting log-odds finite when every label is the same. */
  private static final double MIN_RATE = 1e-6;

  /**
   * A hessian floor: confident rows still count a little, and leaf values stay finite with l2 = 0.
   */
  private static final double MIN_HESSIAN = 1e-12;

  private ObliviousTreeTrainer() {}

  public static TrainedModel fit(Dataset data, TrainingParams params) {
    float[][] borders = Quantizer.borders(data, params.borderCount());
    byte[][] bins = Quantizer.binColumns(data, borders);
    SplitFinder finder = new SplitFinder(bins, borders, params.l2LeafReg());
    int n = data.size();
    int[] labels = data.labels();
    double bias = logOdds(labels);
    double[] raw = new double[n];
    Arrays.fill(raw, bias);
    double[] gradients = new double[n];
    double[] hessians = new double[n];
    int[] leafOf = new int[n];
    SplittableRandom random = new SplittableRandom(params.seed());
    List<ObliviousTree> trees = new ArrayList<>(params.iterations());
    for (int t = 0; t < params.iterations(); t++) {
      for (int i = 0; i < n; i++) {
        double p = Sigmoid.apply(raw[i]);
        gradients[i] = p - labels[i];
        hessians[i] = Math.max(p * (1 - p), MIN_HESSIAN);
      }
      int[] rows = sample(n, params.subsample(), random);
      Arrays.fill(leafOf, 0);
      int[] features = new int[params.depth()];
      float[] splitBorders = new float[params.depth()];
      int depth = 0;
      for (; depth < params.depth(); depth++) {
        SplitFinder.Split split = finder.best(rows, leafOf, 1 << depth, gradients, hessians);
        if (split == null) {
          break; // no feature has a border: a tree of fewer levels (possibly a constant) is valid
        }
        features[depth] = split.feature();
        splitBorders[depth] = borders[split.feature()][split.border()];
        byte[] column = bins[split.feature()];
        for (int i = 0; i < n; i++) {
          if ((column[i] & 0xFF) > split.border()) {
            leafOf[i] |= 1 << depth;
          }
        }
      }
      double[] leaves = leafValues(rows, leafOf, 1 << depth, gradients, hessians, params);
      for (int i = 0; i < n; i++) {
        raw[i] += leaves[leafOf[i]];
      }
      trees.add(
          new ObliviousTree(
              Arrays.copyOf(features, depth),
              Arrays.copyOf(splitBorders, depth),
              leaves,
              leafWeights(rows, leafOf, 1 << depth)));
    }
    return new TrainedModel(
        List.of(data.featureNames()), borders, hasNans(data), trees, bias, params);
  }

  private static double[] leafValues(
      int[] rows, int[] leafOf, int leaves, double[] g, double[] h, TrainingParams params) {
    double[] gradSum = new double[leaves];
    double[] hessSum = new double[leaves];
    for (int row : rows) {
      gradSum[leafOf[row]] += g[row];
      hessSum[leafOf[row]] += h[row];
    }
    double[] values = new double[leaves];
    for (int leaf = 0; leaf < leaves; leaf++) {
      double denominator = hessSum[leaf] + params.l2LeafReg();
      values[leaf] = denominator > 0 ? -gradSum[leaf] / denominator * params.learningRate() : 0.0;
    }
    return values;
  }

  /**
   * Rows of the sample per leaf: the population the leaf value was fitted on, as CatBoost reports
   * it.
   */
  private static double[] leafWeights(int[] rows, int[] leafOf, int leaves) {
    double[] weights = new double[leaves];
    for (int row : rows) {
      weights[leafOf[row]]++;
    }
    return weights;
  }

  /** Bernoulli row sample, ascending so histogram passes read the columns in order. */
  private static int[] sample(int n, double rate, SplittableRandom random) {
    if (rate >= 1.0) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int[] rows = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < rate) {
        rows[size++] = i;
      }
    }
    return size == 0 ? sample(n, 1.0, random) : Arrays.copyOf(rows, size);
  }

  private static double logOdds(int[] labels) {
    double rate = Arrays.stream(labels).average().orElse(0.5);
    rate = Math.min(Math.max(rate, MIN_RATE), 1 - MIN_RATE);
    return Math.log(rate / (1 - rate));
  }

  private static boolean[] hasNans(Dataset data) {
    boolean[] out = new boolean[data.featureCount()];
    for (int f = 0; f < out.length; f++) {
      out[f] = Arrays.stream(data.column(f)).anyMatch(Double::isNaN);
    }
    return out;
  }
}
