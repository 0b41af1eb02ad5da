package io.fraudops.model.training;

/**
 * Gradient boosting settings, named as in CatBoost so a data scientist recognises them.
 *
 * @param iterations number of trees
 * @param depth levels per oblivious tree, 1..8 (2^depth leaves)
 * @param learningRate shrinkage applied to every leaf value, in (0, 1]
 * @param borderCount at most this many quantization borders per feature, 1..254 (bins must fit in a
 *     byte)
 * @param l2LeafReg L2 regularisation of leaf values, >= 0
 * @param seed drives row subsampling: same data + same params = identical model
 * @param subsample fraction of rows each tree is fitted on, in (0, 1]; below 1 it regularises like
 *     CatBoost's Bernoulli bootstrap
 */
public record TrainingParams(
    int iterations,
    int depth,
    double learningRate,
    int borderCount,
    double l2LeafReg,
    long seed,
    double subsample) {

  public static final int MAX_DEPTH = 8;
  public static final int MAX_BORDER_COUNT = 254;

  public TrainingParams {
    require(
        iterations >= 1 && iterations <= 100_000,
        "iterations must be in 1..100000, was " + iterations);
    require(
        depth >= 1 && depth <= MAX_DEPTH, "depth must be in 1.." + MAX_DEPTH + ", was " + depth);
    require(
        learningRate > 0 && learningRate <= 1,
        "learningRate must be in (0, 1], was " + learningRate);
    require(
        borderCount >= 1 && borderCount <= MAX_BORDER_COUNT,
        "borderCount must be in 1.." + MAX_BORDER_COUNT + ", was " + borderCount);
    require(
        l2LeafReg >= 0 && Double.isFinite(l2LeafReg),
        "l2LeafReg must be finite and >= 0, was " + l2LeafReg);
    require(subsample > 0 && subsample <= 1, "subsample must be in (0, 1], was " + subsample);
  }

  /** Without subsampling: every tree sees every row. */
  public TrainingParams(
      int iterations,
      int depth,
      double learningRate,
      int borderCount,
      double l2LeafReg,
      long seed) {
    this(iterations, depth, learningRate, borderCount, l2LeafReg, seed, 1.0);
  }

  /** 200 trees of depth 6, learning rate 0.1, 32 borders, L2 3, seed 42, 80 % row subsample. */
  public static TrainingParams defaults() {
    return new TrainingParams(200, 6, 0.1, 32, 3.0, 42L, 0.8);
  }

  public TrainingParams withIterations(int value) {
    return new TrainingParams(value, depth, learningRate, borderCount, l2LeafReg, seed, subsample);
  }

  public TrainingParams withDepth(int value) {
    return new TrainingParams(
        iterations, value, learningRate, borderCount, l2LeafReg, seed, subsample);
  }

  public TrainingParams withLearningRate(double value) {
    return new TrainingParams(iterations, depth, value, borderCount, l2LeafReg, seed, subsample);
  }

  public TrainingParams withSeed(long value) {
    return new TrainingParams(
        iterations, depth, learningRate, borderCount, l2LeafReg, value, subsample);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
