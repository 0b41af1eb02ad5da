package io.fraudops.workers.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.drift.Bins;
import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.drift.DriftWindow;
import io.fraudops.model.drift.Psi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The gauges read a real window through a source standing in for the serving model. */
class DriftMetricsTest {

  private static final FeatureCatalogue CATALOGUE = FeatureCatalogue.current();
  private static final double[] AMOUNT_SHARES = {0.2, 0.5, 0.3, 0};

  /** Reference bins for two catalogue features and the score; the other features have none. */
  private static final DriftReference REFERENCE =
      new DriftReference(
          List.of(
              new Bins("amount", new double[] {10, 100}, AMOUNT_SHARES),
              new Bins("is_night", new double[] {0}, new double[] {0.8, 0.2, 0})),
          new Bins("score", new double[] {0.5}, new double[] {0.9, 0.1, 0}));

  private final AtomicReference<DriftWindow> served = new AtomicReference<>();
  private final AtomicLong nanos = new AtomicLong();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  DriftMetricsTest() {
    new DriftMetrics(() -> Optional.ofNullable(served.get()), registry, CATALOGUE, nanos::get, 1);
  }

  @Test
  void showsEachFeaturesPsiAgainstTheServedModelsReference() {
    served.set(windowOf(100));

    // All 100 amounts in the lowest bin; is_night and the score exactly as in training.
    assertThat(psi("amount"))
        .isCloseTo(Psi.between(AMOUNT_SHARES, new double[] {1, 0, 0, 0}), within(1e-12));
    assertThat(psi("amount")).isGreaterThan(0.25);
    assertThat(psi("is_night")).isZero();
    assertThat(psi("score")).isZero();
    assertThat(psi("txn_count_1h")).isNaN(); // no reference bins for it
    assertThat(registry.get(DriftMetrics.OBSERVATIONS).gauge().value()).isEqualTo(100);
    assertThat(registry.find(DriftMetrics.PSI).gauges()).hasSize(CATALOGUE.size() + 1);
  }

  @Test
  void readsNotANumberWhileNoWindowIsServed() {
    assertThat(psi("amount")).isNaN();
    assertThat(psi("score")).isNaN();
    assertThat(registry.get(DriftMetrics.OBSERVATIONS).gauge().value()).isNaN();
  }

  @Test
  void oneSnapshotServesAScrapeAndASwappedModelIsShownAtOnce() {
    DriftWindow window = windowOf(10);
    served.set(window);
    assertThat(registry.get(DriftMetrics.OBSERVATIONS).gauge().value()).isEqualTo(10);

    window.record(row(5, 1), 0.9);
    assertThat(registry.get(DriftMetrics.OBSERVATIONS).gauge().value())
        .isEqualTo(10); // same scrape
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    assertThat(registry.get(DriftMetrics.OBSERVATIONS).gauge().value()).isEqualTo(11);

    served.set(windowOf(3));
    assertThat(registry.get(DriftMetrics.OBSERVATIONS).gauge().value()).isEqualTo(3);
  }

  @Test
  void publishesNoPsiUntilTheWindowHoldsTheMinimumOfObservations() {
    SimpleMeterRegistry gated = new SimpleMeterRegistry();
    new DriftMetrics(() -> Optional.ofNullable(served.get()), gated, CATALOGUE, nanos::get, 50);
    DriftWindow window = windowOf(49);
    served.set(window);

    assertThat(gated.get(DriftMetrics.PSI).tag("feature", "amount").gauge().value()).isNaN();
    assertThat(gated.get(DriftMetrics.PSI).tag("feature", "score").gauge().value()).isNaN();
    assertThat(gated.get(DriftMetrics.OBSERVATIONS).gauge().value()).isEqualTo(49);

    window.record(row(5, 0), 0.1);
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    assertThat(gated.get(DriftMetrics.PSI).tag("feature", "amount").gauge().value())
        .isGreaterThan(0.25);
    assertThat(gated.get(DriftMetrics.OBSERVATIONS).gauge().value()).isEqualTo(50);
  }

  private double psi(String feature) {
    return registry.get(DriftMetrics.PSI).tag("feature", feature).gauge().value();
  }

  /**
   * {@code n} payments of amount 5, a fifth of them at night, a tenth scored 0.9 and the rest 0.1.
   */
  private static DriftWindow windowOf(int n) {
    DriftWindow window = new DriftWindow("m:1", REFERENCE, CATALOGUE.names(), 1_000);
    for (int i = 0; i < n; i++) {
      window.record(row(5, i % 10 >= 8 ? 1 : 0), i % 10 == 9 ? 0.9 : 0.1);
    }
    return window;
  }

  private static double[] row(double amount, double isNight) {
    double[] row = new double[CATALOGUE.size()];
    row[CATALOGUE.indexOf("amount")] = amount;
    row[CATALOGUE.indexOf("is_night")] = isNight;
    return row;
  }
}
