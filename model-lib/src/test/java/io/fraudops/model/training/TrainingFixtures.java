package io.fraudops.model.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Timestamped synthetic payments and a small, fast training request. */
public final class TrainingFixtures {

  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  public static final TrainingParams SMALL = new TrainingParams(30, 4, 0.2, 32, 3.0, 42L, 0.8);

  /** Synthetic payments one minute apart, shuffled so the run has to sort them. */
  public static TrainingCsv.Rows shuffledRows(int n, long seed) {
    Dataset data = SyntheticFraudData.generate(n, seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    double[][] rows = new double[n][];
    int[] labels = new int[n];
    long[] timestamps = new long[n];
    for (int k = 0; k < n; k++) {
      int i = order.get(k);
      rows[k] = data.row(i);
      labels[k] = data.label(i);
      timestamps[k] = START.toEpochMilli() + i * 60_000L;
    }
    return new TrainingCsv.Rows(new Dataset(data.featureNames(), rows, labels), timestamps);
  }

  public static TrainingRequest request(SplitRule split) {
    return new TrainingRequest(
        "card-fraud",
        "20250301-120000",
        Instant.parse("2025-03-01T12:00:00Z"),
        SMALL,
        split,
        0.5,
        new SourceFile("export.csv", "ab".repeat(32)));
  }

  private TrainingFixtures() {}
}
