package io.fraudops.model.training;

import io.fraudops.model.scoring.Sigmoid;
import io.fraudops.model.training.evaluation.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The result of {@link ObliviousTreeTrainer#fit}: borders, trees and bias, with the same prediction
 * semantics as CatBoost (float comparisons, NaN to the false side), and export to CatBoost's JSON
 * format.
 */
public final class TrainedModel {

  private final List<String> featureNames;
  private final float[][] borders;
  private final boolean[] hasNans;
  private final List<ObliviousTree> trees;
  private final double bias;
  private final TrainingParams params;

  /**
   * @param borders per feature, sorted; every tree split must use one of them (CatBoost addresses
   *     splits by border index)
   * @param hasNans per feature, whether training data had missing values (informational in
   *     CatBoost)
   */
  public TrainedModel(
      List<String> featureNames,
      float[][] borders,
      boolean[] hasNans,
      List<ObliviousTree> trees,
      double bias,
      TrainingParams params) {
    this.featureNames = List.copyOf(featureNames);
    if (borders.length != this.featureNames.size() || hasNans.length != borders.length) {
      throw new IllegalArgumentException(
          "need borders and hasNans for each of " + featureNames.size() + " features");
    }
    this.borders = new float[borders.length][];
    for (int f = 0; f < borders.length; f++) {
      this.borders[f] = borders[f].clone();
      for (int b = 1; b < borders[f].length; b++) {
        if (!(borders[f][b] > borders[f][b - 1])) {
          throw new IllegalArgumentException(
              "borders of feature " + featureNames.get(f) + " are not strictly ascending");
        }
      }
    }
    this.hasNans = hasNans.clone();
    this.trees = List.copyOf(trees);
    for (ObliviousTree tree : this.trees) {
      for (int d = 0; d < tree.depth(); d++) {
        borderIndex(tree.feature(d), tree.border(d)); // throws when not a model border
      }
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite");
    }
    this.bias = bias;
    this.params = params;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public float[] borders(int feature) {
    return borders[feature].clone();
  }

  public boolean hasNans(int feature) {
    return hasNans[feature];
  }

  public List<ObliviousTree> trees() {
    return trees;
  }

  public double bias() {
    return bias;
  }

  public TrainingParams params() {
    return params;
  }

  /** Sum of the trees, then the bias: the order CatBoost adds them in. */
  public double predictRaw(double[] row) {
    if (row.length != featureNames.size()) {
      throw new IllegalArgumentException(
          "expected " + featureNames.size() + " features, got " + row.length);
    }
    double sum = 0;
    for (ObliviousTree tree : trees) {
      sum += tree.predict(row);
    }
    return sum + bias;
  }

  public double predictProbability(double[] row) {
    return Sigmoid.apply(predictRaw(row));
  }

  /** CatBoost's JSON model format, loadable with {@code CatBoostModel.loadModel(path, "json")}. */
  public void writeCatBoostJson(OutputStream out) throws IOException {
    CatBoostJsonWriter.write(this, out);
  }

  public void writeCatBoostJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      writeCatBoostJson(out);
    }
  }

  /** Position of {@code border} among the feature's borders. */
  int borderIndex(int feature, float border) {
    int index = Arrays.binarySearch(borders[feature], border);
    if (index < 0) {
      throw new IllegalArgumentException(
          "split border " + border + " is not a border of feature " + featureNames.get(feature));
    }
    return index;
  }

  /** CatBoost's {@code split_index}: borders are numbered through all features in order. */
  int splitIndex(int feature, float border) {
    int offset = 0;
    for (int f = 0; f < feature; f++) {
      offset += borders[f].length;
    }
    return offset + borderIndex(feature, border);
  }

  /** How well this model separates fraud on {@code data}. */
  public Evaluation evaluate(Dataset data) {
    double[] probabilities = new double[data.size()];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = predictProbability(data.row(i));
    }
    return Evaluation.of(probabilities, data.labels());
  }
}
