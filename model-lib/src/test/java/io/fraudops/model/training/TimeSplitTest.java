package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

  @Test
  void sortsRowsByTimeAndTrainsOnTheEarlierShare() {
    // Value = timestamp, written newest first: the split must sort, not trust file order.
    TrainingCsv.Rows rows =
        rows(new long[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, new int[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0});

    TimeSplit split = TimeSplit.of(rows, new SplitRule.Share(0.8));

    assertThat(column(split.train())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(column(split.evaluation())).containsExactly(9, 10);
    assertThat(split.train().last()).isEqualTo(Instant.ofEpochMilli(8));
    assertThat(split.evaluation().first())
        .isEqualTo(split.cut())
        .isEqualTo(Instant.ofEpochMilli(9));
    assertThat(split.evaluation().fraud()).isEqualTo(1);
  }

  @Test
  void paymentsOfOneInstantStayOnOneSide() {
    TrainingCsv.Rows rows = rows(new long[] {1, 2, 3, 3, 3, 4}, new int[] {0, 1, 0, 1, 0, 1});

    TimeSplit split = TimeSplit.of(rows, new SplitRule.Share(0.5)); // would cut inside instant 3

    assertThat(column(split.train())).containsExactly(1, 2);
    assertThat(column(split.evaluation())).containsExactly(3, 3, 3, 4);
  }

  @Test
  void cutsAtAGivenInstant() {
    TrainingCsv.Rows rows = rows(new long[] {4, 1, 3, 2, 6, 5}, new int[] {0, 1, 1, 0, 0, 1});

    TimeSplit split = TimeSplit.of(rows, new SplitRule.At(Instant.ofEpochMilli(4)));

    assertThat(column(split.train())).containsExactly(1, 2, 3);
    assertThat(column(split.evaluation())).containsExactly(4, 5, 6);
    assertThat(split.cut()).isEqualTo(Instant.ofEpochMilli(4));
  }

  @Test
  void refusesAPeriodWithoutBothClassesNamingTheCounts() {
    TrainingCsv.Rows rows = rows(new long[] {1, 2, 3, 4, 5}, new int[] {1, 0, 1, 0, 0});

    assertThatThrownBy(() -> TimeSplit.of(rows, new SplitRule.Share(0.6)))
        .hasMessageContaining("evaluation period")
        .hasMessageContaining("0 fraud and 2 legitimate");
    assertThatThrownBy(() -> TimeSplit.of(rows, new SplitRule.At(Instant.ofEpochMilli(99))))
        .hasMessageContaining("no evaluation rows");
    assertThatThrownBy(() -> new SplitRule.Share(1.0)).hasMessageContaining("between 0 and 1");
  }

  private static TrainingCsv.Rows rows(long[] timestamps, int[] labels) {
    double[][] values =
        Arrays.stream(timestamps).mapToObj(t -> new double[] {t}).toArray(double[][]::new);
    return new TrainingCsv.Rows(new Dataset(new String[] {"t"}, values, labels), timestamps);
  }

  private static int[] column(Period period) {
    return Arrays.stream(period.data().column(0)).mapToInt(v -> (int) v).toArray();
  }
}
