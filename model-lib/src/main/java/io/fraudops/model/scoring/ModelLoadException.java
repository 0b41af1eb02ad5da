package io.fraudops.model.scoring;

/**
 * A model (or its sidecar metadata) was refused. Unchecked because loading happens at start-up or
 * in a hot-swap, where the caller's only sensible reaction is to keep the previous model and
 * report. The message always names the source and the problem, so it can go straight into a log or
 * an alert.
 */
public class ModelLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a model was refused: lets callers alert differently on "not there yet" and "broken". */
  public enum Reason {
    NOT_FOUND,
    /** Not parseable at all: truncated file, not JSON, not a CatBoost binary. */
    UNREADABLE,
    /** Parseable but inconsistent: unsorted borders, wrong leaf count, split out of range... */
    INVALID_MODEL,
    /** A valid CatBoost model we cannot serve: categorical features, multiclass, unknown format. */
    UNSUPPORTED,
    FEATURE_MISMATCH,
    SMOKE_TEST_FAILED,
    INVALID_METADATA
  }

  private final Reason reason;
  private final String source;

  public ModelLoadException(Reason reason, String source, String problem) {
    this(reason, source, problem, null);
  }

  public ModelLoadException(Reason reason, String source, String problem, Throwable cause) {
    super("model '" + source + "' rejected (" + reason + "): " + problem, cause);
    this.reason = reason;
    this.source = source;
  }

  public Reason reason() {
    return reason;
  }

  public String source() {
    return source;
  }
}
