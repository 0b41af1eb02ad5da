package io.fraudops.workers.drift;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.drift.DriftMeasure;
import io.fraudops.model.drift.DriftSnapshot;
import io.fraudops.model.drift.DriftWindow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * PSI gauges of the served model's drift window: {@code fraud.drift.psi} per catalogue feature and
 * for {@code feature=score}, NaN where the window tracks nothing (no model, no reference, no
 * observation) or holds fewer than {@code fraud.drift.min-observations} payments, and {@code
 * fraud.drift.window.observations}. A PSI over a handful of payments is noise (it read 5 to 11 from
 * seven observations right after a start), and an alert on it would fire at every deployment. PSI
 * is computed when scraped, never on the scoring path; one snapshot serves every gauge of a scrape
 * (and scrapes within a second), unless the model was swapped.
 */
@Component
public class DriftMetrics {

  static final String PSI = "fraud.drift.psi";
  static final String OBSERVATIONS = "fraud.drift.window.observations";
  static final String SCORE = "score";
  private static final long REUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final DriftSource source;
  private final LongSupplier nanoTime;
  private final int minObservations;
  private volatile Cached cached;

  /**
   * @param source null until something serves drift windows (then every gauge reads NaN)
   * @param minObservations payments the window must hold before PSI is published
   */
  @Autowired
  public DriftMetrics(
      @Nullable DriftSource source,
      MeterRegistry registry,
      FeatureCatalogue catalogue,
      @Value("${fraud.drift.min-observations:500}") int minObservations) {
    this(source, registry, catalogue, System::nanoTime, minObservations);
  }

  DriftMetrics(
      DriftSource source,
      MeterRegistry registry,
      FeatureCatalogue catalogue,
      LongSupplier nanoTime,
      int minObservations) {
    if (minObservations < 1) {
      throw new IllegalArgumentException(
          "fraud.drift.min-observations must be at least 1 (got " + minObservations + ")");
    }
    this.source = DriftSource.orNone(source);
    this.nanoTime = nanoTime;
    this.minObservations = minObservations;
    for (String name : catalogue.names()) {
      gauge(registry, name);
    }
    gauge(registry, SCORE);
    Gauge.builder(OBSERVATIONS, this, DriftMetrics::observations)
        .description("scored payments in the served model's drift window")
        .strongReference(true)
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String feature) {
    Gauge.builder(PSI, this, metrics -> metrics.psi(feature))
        .tag("feature", feature)
        .description(
            "population stability index of the served model's window against its training data")
        .strongReference(true)
        .register(registry);
  }

  double psi(String feature) {
    return current().psi.getOrDefault(feature, Double.NaN);
  }

  double observations() {
    return current().observations;
  }

  private Cached current() {
    DriftWindow window = source.currentWindow().orElse(null);
    long now = nanoTime.getAsLong();
    Cached last = cached;
    if (last != null && last.window == window && now - last.takenAt < REUSE_NANOS) {
      return last;
    }
    Cached next = Cached.of(window, now, minObservations);
    cached = next;
    return next;
  }

  /** A snapshot's PSI by feature name, and which window it was taken of. */
  private record Cached(
      DriftWindow window, long takenAt, Map<String, Double> psi, double observations) {

    static Cached of(DriftWindow window, long now, int minObservations) {
      if (window == null) {
        return new Cached(null, now, Map.of(), Double.NaN);
      }
      DriftSnapshot snapshot = window.snapshot();
      if (snapshot.observations() < minObservations) {
        return new Cached(window, now, Map.of(), snapshot.observations());
      }
      Map<String, Double> psi = new HashMap<>();
      List<DriftMeasure> features = snapshot.features();
      features.forEach(m -> psi.put(m.name(), m.psi()));
      psi.put(SCORE, snapshot.score().psi());
      return new Cached(window, now, Map.copyOf(psi), snapshot.observations());
    }
  }
}
