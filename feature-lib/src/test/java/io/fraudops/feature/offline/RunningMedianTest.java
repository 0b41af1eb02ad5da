package io.fraudops.feature.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunningMedianTest {

  @Test
  void equalsTheSortedMedianThroughAddsAndRemovalsWithManyTies() {
    Random random = new Random(5);
    RunningMedian median = new RunningMedian();
    List<Long> values = new ArrayList<>();
    assertThat(median.median()).isNaN();
    for (int step = 0; step < 6_000; step++) {
      if (!values.isEmpty() && random.nextInt(4) == 0) {
        Long gone = values.remove(random.nextInt(values.size()));
        median.remove(gone);
      } else {
        long cents = 100 + random.nextInt(60); // few distinct values: ties on both halves
        values.add(cents);
        median.add(cents);
      }
      assertThat(median.size()).isEqualTo(values.size());
      if (!values.isEmpty()) {
        assertThat(median.median()).as("step %d", step).isEqualTo(sortedMedian(values));
      }
    }
  }

  /** PostgreSQL's percentile_cont(0.5) over float8 amounts. */
  private static double sortedMedian(List<Long> cents) {
    List<Long> sorted = new ArrayList<>(cents);
    Collections.sort(sorted);
    int n = sorted.size();
    double lo = sorted.get((n - 1) / 2) / 100.0;
    double hi = sorted.get(n / 2) / 100.0;
    return n % 2 == 1 ? lo : lo + 0.5 * (hi - lo);
  }
}
