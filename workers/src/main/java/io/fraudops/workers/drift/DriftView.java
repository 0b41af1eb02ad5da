package io.fraudops.workers.drift;

import io.fraudops.model.drift.DriftMeasure;
import io.fraudops.model.drift.DriftSnapshot;
import io.fraudops.model.drift.DriftTable;
import java.util.List;

/**
 * {@code GET /drift}: the served model's drift, or why there is none. PSI is null (left out) where
 * nothing was observed, as JSON has no NaN.
 *
 * @param reference whether the served model has a drift reference; without one, only {@code
 *     message} is set
 * @param features highest PSI first
 */
record DriftView(
    boolean reference,
    String message,
    String model,
    Integer windowSize,
    Long observations,
    String level,
    String verdict,
    Quantity score,
    List<Quantity> features) {

  static final String NO_REFERENCE =
      "no drift reference: no model is served, or the served model's sidecar has none;"
          + " retrain it with the training command to get one";

  /** One feature, or the score. */
  record Quantity(String name, Double psi, String level, long observations) {

    static Quantity of(DriftMeasure measure) {
      Double psi = Double.isNaN(measure.psi()) ? null : measure.psi();
      return new Quantity(measure.name(), psi, measure.level().name(), measure.observations());
    }
  }

  static DriftView none() {
    return new DriftView(false, NO_REFERENCE, null, null, null, null, null, null, List.of());
  }

  static DriftView of(DriftSnapshot snapshot) {
    List<Quantity> features =
        snapshot.features().stream()
            .sorted(DriftSnapshot.BY_PSI_DESCENDING)
            .map(Quantity::of)
            .toList();
    return new DriftView(
        true,
        null,
        snapshot.model(),
        snapshot.windowSize(),
        snapshot.observations(),
        snapshot.level().name(),
        DriftTable.verdict(snapshot),
        Quantity.of(snapshot.score()),
        features);
  }
}
