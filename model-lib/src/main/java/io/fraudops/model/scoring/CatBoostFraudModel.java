package io.fraudops.model.scoring;

import ai.catboost.CatBoostError;
import ai.catboost.CatBoostModel;
import ai.catboost.CatBoostPredictions;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * A CatBoost binary classifier served through catboost4j: any {@code .cbm} or {@code .json}
 * exported from Python with numeric features only, or written by our trainer. Thread-safe.
 */
public final class CatBoostFraudModel implements FraudModel {

  /**
   * Per-thread input/output buffers so a single-row prediction allocates nothing on the Java side.
   */
  private static final class Buffers {
    final float[] row;
    final CatBoostPredictions prediction = new CatBoostPredictions(1, 1);

    Buffers(int width) {
      row = new float[width];
    }
  }

  private final CatBoostModel model;
  private final ModelInfo info;
  private final int width;
  private final ThreadLocal<Buffers> buffers;
  // Predictions take the read side so close() cannot free the native model under a running
  // prediction
  // (a hot-swap closes the old model while requests may still be in flight): use-after-free would
  // crash the JVM.
  private final StampedLock lifecycle = new StampedLock();
  private boolean closed;

  CatBoostFraudModel(CatBoostModel model, ModelInfo info) {
    this.model = model;
    this.info = info;
    this.width = info.featureCount();
    this.buffers = ThreadLocal.withInitial(() -> new Buffers(width));
  }

  /** Loads a file, the format from its extension, feature names from the model itself. */
  public static CatBoostFraudModel load(Path file, String name, String version) {
    return load(file, name, version, List.of());
  }

  /**
   * As {@link #load(Path, String, String)}, checking (or, for unnamed models, supplying) the
   * feature names.
   */
  public static CatBoostFraudModel load(
      Path file, String name, String version, List<String> featureNames) {
    String source = file.toString();
    ModelFormat format = ModelFormat.fromFileName(file.getFileName().toString());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ModelLoadException(Reason.NOT_FOUND, source, "file does not exist", e);
    } catch (IOException e) {
      throw new ModelLoadException(Reason.UNREADABLE, source, "cannot read file: " + e, e);
    }
    return load(bytes, source, format, name, version, featureNames);
  }

  /**
   * @param source where the bytes came from, for messages
   * @param featureNames expected names in input order; empty to take them from the model
   * @throws ModelLoadException when the model is unreadable, inconsistent, not a numeric binary
   *     classifier, disagrees with {@code featureNames}, or fails a smoke prediction
   */
  public static CatBoostFraudModel load(
      byte[] bytes,
      String source,
      ModelFormat format,
      String name,
      String version,
      List<String> featureNames) {
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("model name and version must not be blank");
    }
    if (format == ModelFormat.JSON) {
      CatBoostJsonValidator.validate(bytes, source);
    }
    CatBoostModel catboost;
    try {
      catboost = CatBoostModel.loadModel(bytes, format.catboostName());
    } catch (CatBoostError e) {
      throw new ModelLoadException(
          Reason.UNREADABLE,
          source,
          "catboost4j cannot load it as " + format + ": " + e.getMessage(),
          e);
    }
    try {
      List<String> names = CatBoostModelChecks.check(catboost, source, featureNames);
      CatBoostFraudModel loaded =
          new CatBoostFraudModel(catboost, info(name, version, names, format, source));
      loaded.smokeTest(source);
      return loaded;
    } catch (RuntimeException e) {
      try {
        catboost.close();
      } catch (CatBoostError suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static ModelInfo info(
      String name, String version, List<String> names, ModelFormat format, String source) {
    try {
      return new ModelInfo(name, version, names, format);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(
          Reason.FEATURE_MISMATCH,
          source,
          "unusable feature names " + names + ": " + e.getMessage(),
          e);
    }
  }

  private void smokeTest(String source) {
    double raw;
    try {
      raw = predictRaw(new double[width]);
    } catch (RuntimeException e) {
      throw new ModelLoadException(
          Reason.SMOKE_TEST_FAILED, source, "prediction on an all-zero row failed: " + e, e);
    }
    if (!Double.isFinite(raw)) {
      throw new ModelLoadException(
          Reason.SMOKE_TEST_FAILED, source, "prediction on an all-zero row is " + raw);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public double predictRaw(double[] features) {
    requireWidth(features);
    Buffers b = buffers.get();
    for (int i = 0; i < width; i++) {
      b.row[i] = (float) features[i];
    }
    long stamp = lifecycle.readLock();
    try {
      requireOpen();
      model.predict(b.row, (String[]) null, b.prediction);
      return b.prediction.get(0, 0);
    } catch (CatBoostError e) {
      throw new IllegalStateException("catboost4j prediction failed for model " + info.name(), e);
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /** Scores all rows in one native call: several times the throughput of row-by-row calls. */
  @Override
  public double[] predictProbabilities(double[][] rows) {
    float[][] batch = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      requireWidth(rows[r]);
      batch[r] = new float[width];
      for (int i = 0; i < width; i++) {
        batch[r][i] = (float) rows[r][i];
      }
    }
    double[] raw;
    long stamp = lifecycle.readLock();
    try {
      requireOpen();
      raw = model.predict(batch, (String[][]) null).copyRowMajorPredictions();
    } catch (CatBoostError e) {
      throw new IllegalStateException("catboost4j prediction failed for model " + info.name(), e);
    } finally {
      lifecycle.unlockRead(stamp);
    }
    for (int r = 0; r < raw.length; r++) {
      raw[r] = Sigmoid.apply(raw[r]);
    }
    return raw;
  }

  @Override
  public void close() {
    long stamp = lifecycle.writeLock();
    try {
      if (!closed) {
        closed = true;
        model.close();
      }
    } catch (CatBoostError e) {
      throw new IllegalStateException("catboost4j could not free model " + info.name(), e);
    } finally {
      lifecycle.unlockWrite(stamp);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("model " + info.name() + " " + info.version() + " is closed");
    }
  }

  private void requireWidth(double[] features) {
    if (features.length != width) {
      throw new IllegalArgumentException(
          "model "
              + info.name()
              + " expects "
              + width
              + " features "
              + info.featureNames()
              + ", got "
              + features.length);
    }
  }
}
