package io.fraudops.model.training;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A train/evaluate split by time: the model learns from earlier payments and is judged on later
 * ones, as it will be in production. A random split would let a fraud ring's later payments teach
 * the model about its earlier ones and flatter the metrics.
 *
 * @param cut the first instant of the evaluation period; every training payment is strictly before
 *     it
 */
public record TimeSplit(Period train, Period evaluation, Instant cut) {

  public TimeSplit {
    if (!train.last().isBefore(cut) || evaluation.first().isBefore(cut)) {
      throw new IllegalArgumentException(
          "training must end before " + cut + " and evaluation start at or after");
    }
  }

  /**
   * Sorts the rows by time (stably: equal instants keep file order) and cuts them. Payments of the
   * same instant never straddle the cut: a share cut moves back to the first payment of its
   * instant.
   *
   * @throws IllegalArgumentException when a period would be empty or lack fraud or legitimate
   *     payments
   */
  public static TimeSplit of(TrainingCsv.Rows rows, SplitRule rule) {
    long[] timestamps = rows.timestamps();
    int[] order =
        IntStream.range(0, timestamps.length)
            .boxed()
            .sorted(Comparator.comparingLong(i -> timestamps[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    long[] sorted = Arrays.stream(order).mapToLong(i -> timestamps[i]).toArray();
    int cut =
        switch (rule) {
          case SplitRule.Share share ->
              firstAtOrAfter(
                  sorted,
                  sorted[Math.min(sorted.length - 1, (int) (sorted.length * share.share()))]);
          case SplitRule.At at -> firstAtOrAfter(sorted, at.instant().toEpochMilli());
        };
    if (cut == 0 || cut == sorted.length) {
      throw new IllegalArgumentException(
          "the "
              + rule
              + " leaves "
              + (cut == 0 ? "no training" : "no evaluation")
              + " rows: the data runs from "
              + Instant.ofEpochMilli(sorted[0])
              + " to "
              + Instant.ofEpochMilli(sorted[sorted.length - 1]));
    }
    Period train = period(rows.dataset(), order, sorted, 0, cut);
    Period evaluation = period(rows.dataset(), order, sorted, cut, sorted.length);
    requireBothClasses("training", train, rule);
    requireBothClasses("evaluation", evaluation, rule);
    Instant at = rule instanceof SplitRule.At a ? a.instant() : Instant.ofEpochMilli(sorted[cut]);
    return new TimeSplit(train, evaluation, at);
  }

  private static int firstAtOrAfter(long[] sorted, long millis) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Period period(Dataset data, int[] order, long[] sorted, int from, int to) {
    double[][] rows = new double[to - from][];
    int[] labels = new int[to - from];
    for (int i = from; i < to; i++) {
      rows[i - from] = data.row(order[i]);
      labels[i - from] = data.label(order[i]);
    }
    return new Period(
        new Dataset(data.featureNames(), rows, labels),
        Instant.ofEpochMilli(sorted[from]),
        Instant.ofEpochMilli(sorted[to - 1]));
  }

  private static void requireBothClasses(String name, Period period, SplitRule rule) {
    int fraud = period.fraud();
    if (fraud == 0 || fraud == period.rows()) {
      throw new IllegalArgumentException(
          "the "
              + name
              + " period ("
              + period.first()
              + " to "
              + period.last()
              + ", "
              + rule
              + ") has "
              + fraud
              + " fraud and "
              + (period.rows() - fraud)
              + " legitimate payments: it needs both to "
              + (name.equals("training") ? "learn" : "be evaluated")
              + "; choose another split");
    }
  }
}
