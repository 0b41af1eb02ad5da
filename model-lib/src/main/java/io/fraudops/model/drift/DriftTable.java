package io.fraudops.model.drift;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A drift snapshot as plain text for people: a table, highest PSI first, and a one-line verdict.
 */
public final class DriftTable {

  /** Below this, sampling noise is too small to mention next to the 0.1 threshold. */
  private static final double NOTABLE_NOISE = 0.01;

  private DriftTable() {}

  /**
   * Header, one line per feature and the score, a noise note when the sample is small; no verdict.
   */
  public static String format(DriftSnapshot snapshot) {
    List<DriftMeasure> rows = snapshot.byPsi();
    int width =
        Math.max(
            "feature".length(), rows.stream().mapToInt(m -> m.name().length()).max().orElse(0));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "drift of %s over %,d observations (window %,d)%n",
            snapshot.model(),
            snapshot.observations(),
            snapshot.windowSize()));
    out.append(
        String.format(Locale.ROOT, "%-" + width + "s  %8s  %s%n", "feature", "PSI", "level"));
    for (DriftMeasure m : rows) {
      out.append(
          String.format(
              Locale.ROOT, "%-" + width + "s  %8s  %s%n", m.name(), psi(m.psi()), m.level()));
    }
    double noise =
        rows.stream()
            .mapToDouble(DriftMeasure::noise)
            .filter(n -> !Double.isNaN(n))
            .max()
            .orElse(0);
    if (noise >= NOTABLE_NOISE) {
      out.append(
          String.format(
              Locale.ROOT,
              "note: %,d observations are few; sampling noise alone gives a PSI of about %.3f%n",
              snapshot.observations(),
              noise));
    }
    return out.toString();
  }

  /** One line: the worst level and what is behind it. */
  public static String verdict(DriftSnapshot snapshot) {
    return switch (snapshot.level()) {
      case NO_DATA -> "verdict: nothing observed yet";
      case STABLE ->
          String.format(
              Locale.ROOT, "verdict: stable, every PSI below %.2f", DriftLevel.MODERATE_FROM);
      case MODERATE ->
          "verdict: moderate shift in " + names(snapshot, DriftLevel.MODERATE) + "; watch it";
      case SIGNIFICANT ->
          "verdict: significant shift in "
              + names(snapshot, DriftLevel.SIGNIFICANT)
              + "; check the feeds, consider retraining";
    };
  }

  private static String names(DriftSnapshot snapshot, DriftLevel level) {
    return snapshot.byPsi().stream()
        .filter(m -> m.level() == level)
        .map(m -> m.name() + " (PSI " + psi(m.psi()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String psi(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
