package io.fraudops.workers.drift;

import io.fraudops.model.drift.DriftWindow;
import java.util.Optional;

/**
 * Where the drift of the model being served is counted: one {@link DriftWindow} per served model,
 * replaced when the model is swapped, so a new version starts from an empty window against its own
 * reference.
 */
@FunctionalInterface
public interface DriftSource {

  /** Nothing is served, or the served model's sidecar has no drift reference. */
  DriftSource NONE = Optional::empty;

  /** The served model's window; empty when no model is served or it has no drift reference. */
  Optional<DriftWindow> currentWindow();

  /** The source Spring found, or {@link #NONE} before anything serves one. */
  static DriftSource orNone(DriftSource source) {
    return source != null ? source : NONE;
  }
}
