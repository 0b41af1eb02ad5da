package io.fraudops.model.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DriftWindowTest {

  /**
   * Model inputs; "device_age" has no reference bins, as for a model trained before it was binned.
   */
  private static final List<String> INPUTS = List.of("amount", "device_age", "hour_of_day");

  private static final DriftReference REFERENCE = reference();

  @Test
  void aSampleOfTheReferencePopulationStaysStable() {
    DriftWindow window = new DriftWindow("m:1", REFERENCE, INPUTS, 10_000);
    Random random = new Random(2);
    for (int i = 0; i < 10_000; i++) {
      record(window, payment(random, 1.0));
    }

    DriftSnapshot snapshot = window.snapshot();

    assertThat(snapshot.observations()).isEqualTo(10_000);
    assertThat(snapshot.byPsi()).allSatisfy(m -> assertThat(m.psi()).isLessThan(0.1));
    assertThat(snapshot.level()).isEqualTo(DriftLevel.STABLE);
  }

  @Test
  void aShiftedFeatureTurnsSignificantOnceItFillsTheWindowWhileTheOthersStayStable() {
    DriftWindow window = new DriftWindow("m:1", REFERENCE, INPUTS, 5_000);
    Random random = new Random(3);
    for (int i = 0; i < 5_000; i++) {
      record(window, payment(random, 1.0));
    }
    for (int i = 0; i < 5_000; i++) {
      record(window, payment(random, 3.0)); // amounts three times larger
    }

    DriftSnapshot snapshot = window.snapshot();

    assertThat(measure(snapshot, "amount").level()).isEqualTo(DriftLevel.SIGNIFICANT);
    assertThat(measure(snapshot, "hour_of_day").level()).isEqualTo(DriftLevel.STABLE);
    assertThat(snapshot.score().level()).isEqualTo(DriftLevel.SIGNIFICANT);
    assertThat(snapshot.byPsi().get(0).name()).isIn("amount", "score");
  }

  @Test
  void tracksOnlyInputsWithReferenceBinsInInputOrder() {
    DriftWindow window =
        new DriftWindow("m:1", REFERENCE, List.of("hour_of_day", "amount", "device_age"), 10);

    assertThat(window.trackedFeatures()).containsExactly("amount", "hour_of_day");
    assertThat(window.snapshot().features())
        .extracting(DriftMeasure::name)
        .containsExactly("amount", "hour_of_day");
    assertThat(window.snapshot().level()).isEqualTo(DriftLevel.NO_DATA);
  }

  @Test
  void theOldestRecordsLeaveTheWindow() {
    DriftWindow window = new DriftWindow("m:1", halves(), List.of("x"), 4);
    for (int i = 0; i < 4; i++) {
      window.record(new double[] {-1}, -1);
    }
    assertThat(window.snapshot().score().level()).isEqualTo(DriftLevel.SIGNIFICANT);

    window.record(new double[] {1}, 1);
    window.record(new double[] {1}, 1); // two of the four negatives are gone: half and half again

    DriftSnapshot snapshot = window.snapshot();
    assertThat(snapshot.observations()).isEqualTo(4);
    assertThat(snapshot.features().get(0).psi()).isZero();
    assertThat(snapshot.score().psi()).isZero();
    assertThat(window.countsOf("x")).containsExactly(2, 2, 0);
  }

  @Test
  void concurrentRecordsKeepEveryCountWithoutEviction() throws Exception {
    DriftWindow window = new DriftWindow("m:1", halves(), List.of("x"), 40_000);

    // Every thread alternates both halves; a missing value every tenth record.
    inParallel(4, 10_000, (thread, i) -> i % 10 == 9 ? Double.NaN : i % 2 == 0 ? -1 : 1, window);

    assertThat(window.countsOf("x")).containsExactly(4 * 5_000, 4 * 4_000, 4 * 1_000);
    assertThat(window.countsOf("score")).containsExactly(4 * 5_000, 4 * 4_000, 4 * 1_000);
    assertThat(window.snapshot().observations()).isEqualTo(40_000);
  }

  @Test
  void concurrentRecordsEvictExactlyWhatTheyCounted() throws Exception {
    DriftWindow window = new DriftWindow("m:1", halves(), List.of("x"), 1_000);

    inParallel(4, 20_000, (thread, i) -> thread < 2 ? -1 : 1, window);

    int[] x = window.countsOf("x");
    assertThat(x[0] + x[1]).isEqualTo(1_000);
    assertThat(x[2]).isZero();
    assertThat(window.countsOf("score")).containsExactly(x); // each record moved both together
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    DriftWindow window = new DriftWindow("m:1", REFERENCE, INPUTS, 10);
    assertThatThrownBy(() -> window.record(new double[2], 0.5))
        .hasMessageContaining("expected 3 inputs");
  }

  /** Feature x and the score split at 0, half and half. */
  private static DriftReference halves() {
    double[] edges = {0};
    double[] shares = {0.5, 0.5, 0};
    return new DriftReference(
        List.of(new Bins("x", edges, shares)), new Bins("score", edges, shares));
  }

  interface Value {
    double of(int thread, int index);
  }

  /** Each thread records {@code value} as both the feature and the score. */
  private static void inParallel(int threads, int perThread, Value value, DriftWindow window)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(
            pool.submit(
                () -> {
                  double[] row = new double[1];
                  for (int i = 0; i < perThread; i++) {
                    row[0] = value.of(thread, i);
                    window.record(row, row[0]);
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static DriftMeasure measure(DriftSnapshot snapshot, String name) {
    return snapshot.features().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static void record(DriftWindow window, double[] payment) {
    window.record(payment, score(payment));
  }

  /** amount, device_age, hour_of_day; amounts scaled by {@code amountFactor}. */
  private static double[] payment(Random random, double amountFactor) {
    return new double[] {
      Math.exp(3.5 + random.nextGaussian()) * amountFactor, random.nextInt(1000), random.nextInt(24)
    };
  }

  private static double score(double[] payment) {
    return 1 / (1 + Math.exp(-(payment[0] / 100 - 2)));
  }

  private static DriftReference reference() {
    Random random = new Random(1);
    double[][] rows = new double[20_000][];
    double[] scores = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double[] payment = payment(random, 1.0);
      rows[i] = new double[] {payment[0], payment[2]};
      scores[i] = score(payment);
    }
    return ReferenceBuilder.build(List.of("amount", "hour_of_day"), rows, scores);
  }
}
