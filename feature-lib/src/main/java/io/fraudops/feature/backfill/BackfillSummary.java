package io.fraudops.feature.backfill;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a backfill did.
 *
 * @param rowsRead data lines read (the header excluded)
 * @param ingested payments newly written to the ledger
 * @param alreadyKnown valid payments the ledger already held (a re-run, or an id repeated in the
 *     file)
 * @param rejected lines refused, each listed in the report
 * @param labels labels newly written
 * @param profiles customer profiles rebuilt; -1 when not asked
 * @param replayed payments replayed through the online store; -1 when not asked
 */
public record BackfillSummary(
    long rowsRead,
    long ingested,
    long alreadyKnown,
    long rejected,
    long labels,
    Duration loadTime,
    long profiles,
    Duration profileTime,
    long replayed,
    Duration replayTime,
    Path report) {

  public double rowsPerSecond() {
    return rowsRead / Math.max(loadTime.toNanos() / 1e9, 1e-9);
  }

  public String describe() {
    StringBuilder text =
        new StringBuilder(
            String.format(
                "[backfill] load: %,d rows read, %,d ingested, %,d already present, %,d rejected, %,d labels"
                    + " in %.1f s (%,.0f rows/s)%n",
                rowsRead,
                ingested,
                alreadyKnown,
                rejected,
                labels,
                seconds(loadTime),
                rowsPerSecond()));
    if (rejected > 0) {
      text.append("[backfill] rejected rows are listed in ").append(report).append('\n');
    }
    if (profiles >= 0) {
      text.append(
          String.format(
              "[backfill] profiles: %,d rebuilt in %.1f s%n", profiles, seconds(profileTime)));
    }
    if (replayed >= 0) {
      text.append(
          String.format(
              "[backfill] online state: %,d payments replayed in %.1f s (%,.0f/s)%n",
              replayed, seconds(replayTime), replayed / Math.max(seconds(replayTime), 1e-9)));
    }
    return text.toString();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
