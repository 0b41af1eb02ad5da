package io.fraudops.model.scoring;

import java.util.Locale;

/** The two CatBoost model files a data scientist can export from Python and catboost4j can load. */
public enum ModelFormat {
  /** {@code model.save_model(path, format="json")}: readable, and what our own trainer writes. */
  JSON(".json", "json"),
  /** {@code model.save_model(path)}: CatBoost's binary format (the Python default). */
  CBM(".cbm", "bin");

  private final String extension;
  private final String catboostName;

  ModelFormat(String extension, String catboostName) {
    this.extension = extension;
    this.catboostName = catboostName;
  }

  public String extension() {
    return extension;
  }

  /** The format name catboost4j's {@code loadModel} expects; without it catboost4j assumes cbm. */
  public String catboostName() {
    return catboostName;
  }

  /**
   * @throws ModelLoadException (UNSUPPORTED) when the name ends neither in .json nor in .cbm or .cb
   */
  public static ModelFormat fromFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".cb")) {
      return CBM; // MLflow's catboost flavour saves the binary format as model.cb
    }
    for (ModelFormat format : values()) {
      if (lower.endsWith(format.extension)) {
        return format;
      }
    }
    throw new ModelLoadException(
        ModelLoadException.Reason.UNSUPPORTED,
        fileName,
        "unknown model file extension; expected .json, or .cbm (.cb as MLflow names it)");
  }
}
