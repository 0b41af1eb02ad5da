package io.fraudops.feature.backfill;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a backfill did.
 *
 * @param rowsRead data lines read (the header and blank lines excluded)
 * @param ingested payments newly written to the ledger
 * @param alreadyKnown payments the ledger already held as they are (the same file loaded again)
 * @param rejected lines refused as invalid, each listed in the report
 * @param duplicates lines refused for an id an earlier line (or another payment in the ledger) has,
 *     each listed in the report
 * @param labels labels newly written
 * @param homes home declarations newly written
 * @param maxBadShare the share of refused lines allowed
 * @param profiles customer profiles rebuilt; -1 when not done
 * @param replayed payments replayed through the online store; -1 when not done
 */
public record BackfillSummary(
    long rowsRead,
    long ingested,
    long alreadyKnown,
    long rejected,
    long duplicates,
    long labels,
    long homes,
    Duration loadTime,
    double maxBadShare,
    long profiles,
    Duration profileTime,
    long replayed,
    Duration replayTime,
    Path report) {

  public double rowsPerSecond() {
    return rowsRead / Math.max(loadTime.toNanos() / 1e9, 1e-9);
  }

  /** Invalid and duplicate lines, as a share of the lines read. */
  public double badShare() {
    return rowsRead == 0 ? 0 : (rejected + duplicates) / (double) rowsRead;
  }

  /** More lines refused than allowed: the run failed, and a command should exit non-zero. */
  public boolean tooManyBad() {
    return badShare() > maxBadShare;
  }

  public String describe() {
    StringBuilder text =
        new StringBuilder(
            String.format(
                "[backfill] load: %,d rows read, %,d ingested, %,d already present, %,d rejected, %,d duplicate ids,"
                    + " %,d labels, %,d home declarations in %.1f s (%,.0f rows/s)%n",
                rowsRead,
                ingested,
                alreadyKnown,
                rejected,
                duplicates,
                labels,
                homes,
                seconds(loadTime),
                rowsPerSecond()));
    if (rejected + duplicates > 0) {
      text.append("[backfill] refused rows are listed in ").append(report).append('\n');
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
    if (tooManyBad()) {
      text.append(
          String.format(
              "[backfill] FAILED: %.2f %% of the rows were refused, more than the %.2f %%"
                  + " allowed (--max-rejected); profiles and online state were not rebuilt. Fix the file or the"
                  + " mapping and run again: rows already loaded are not loaded twice.%n",
              100 * badShare(), 100 * maxBadShare));
    }
    return text.toString();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
