package io.fraudops.feature.backfill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * @param file the CSV to load (schema in the package documentation)
 * @param mapping where schema columns are in the file, or their constants
 * @param timestamps how {@code timestamp} and {@code label_known_at} are written
 * @param report where refused rows are listed (line, transaction id, reasons); replaced if present
 * @param batchSize rows per database batch
 * @param progressEvery a progress line every this many rows
 * @param labelDelay when a label has no {@code label_known_at}: how long after the payment it
 *     became known. Late rather than early, so no export uses a label before it could exist.
 * @param rebuildProfiles recompute the customer profiles from the ledger afterwards
 * @param rebuildOnline replay the ledger through the online store afterwards; off by default, since
 *     it only helps when the online store is the one serving will read
 * @param replayThreads parallel replay; each customer stays on one thread, so their order is kept
 * @param maxBadShare the share of rows that may be refused (invalid or duplicate ids) before the
 *     run counts as failed: its profiles and online state are then not rebuilt
 */
public record BackfillOptions(
    Path file,
    ColumnMapping mapping,
    TimestampFormat timestamps,
    Path report,
    int batchSize,
    int progressEvery,
    Duration labelDelay,
    boolean rebuildProfiles,
    boolean rebuildOnline,
    int replayThreads,
    double maxBadShare) {

  /**
   * Chargebacks mostly arrive within 30 days of the payment; until then a label is not assumed
   * known.
   */
  public static final Duration DEFAULT_LABEL_DELAY = Duration.ofDays(30);

  public static final int DEFAULT_BATCH_SIZE = 20_000;
  public static final int DEFAULT_PROGRESS_EVERY = 100_000;
  public static final int DEFAULT_REPLAY_THREADS = 4;

  /** 1 %: a few bad rows are normal in exports; more usually means a wrong mapping or format. */
  public static final double DEFAULT_MAX_BAD_SHARE = 0.01;

  public BackfillOptions {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(timestamps, "timestamps");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(labelDelay, "labelDelay");
    if (batchSize < 1 || progressEvery < 1 || replayThreads < 1) {
      throw new IllegalArgumentException(
          "batchSize, progressEvery and replayThreads must be at least 1");
    }
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException(
          "labelDelay must not be negative (got " + labelDelay + ")");
    }
    if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
      throw new IllegalArgumentException(
          "the share of refused rows allowed must be between 0 and 1 (got " + maxBadShare + ")");
    }
    if (file.toAbsolutePath().normalize().equals(report.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("the report must not overwrite the input file");
    }
  }

  /**
   * Defaults for everything but the file; the report goes next to it as {@code
   * <file>.rejected.csv}.
   */
  public static BackfillOptions of(Path file) {
    return new BackfillOptions(
        file,
        ColumnMapping.NONE,
        TimestampFormat.DEFAULT,
        defaultReport(file),
        DEFAULT_BATCH_SIZE,
        DEFAULT_PROGRESS_EVERY,
        DEFAULT_LABEL_DELAY,
        true,
        false,
        DEFAULT_REPLAY_THREADS,
        DEFAULT_MAX_BAD_SHARE);
  }

  public static Path defaultReport(Path file) {
    return file.resolveSibling(file.getFileName() + ".rejected.csv");
  }

  /**
   * {@code 1%}, {@code 0.5 %} or a share such as {@code 0.01}.
   *
   * @throws IllegalArgumentException naming the expected forms
   */
  public static double parseShare(String text) {
    String value = text.strip();
    try {
      double share =
          value.endsWith("%")
              ? Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100
              : Double.parseDouble(value);
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(
        "expected a share of rows such as 1% or 0.01, got '" + value + "'");
  }

  /**
   * How to read the file: a format's preset, then the explicit mapping and timestamp options over
   * it.
   *
   * @param timestampFormat null or blank for the format's own
   * @param timeZone null or blank for UTC
   */
  public BackfillOptions withFormat(
      HistoryFormat format, ColumnMapping explicit, String timestampFormat, String timeZone) {
    String timestampName =
        timestampFormat == null || timestampFormat.isBlank()
            ? format.timestampFormat()
            : timestampFormat;
    return new BackfillOptions(
        file,
        explicit.over(format.mapping()),
        TimestampFormat.parse(timestampName, timeZone),
        report,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        maxBadShare);
  }

  public BackfillOptions withMapping(ColumnMapping value) {
    return new BackfillOptions(
        file,
        value,
        timestamps,
        report,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        maxBadShare);
  }

  public BackfillOptions withTimestamps(TimestampFormat value) {
    return new BackfillOptions(
        file,
        mapping,
        value,
        report,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        maxBadShare);
  }

  public BackfillOptions withReport(Path value) {
    return new BackfillOptions(
        file,
        mapping,
        timestamps,
        value,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        maxBadShare);
  }

  public BackfillOptions withBatching(int batch, int progress) {
    return new BackfillOptions(
        file,
        mapping,
        timestamps,
        report,
        batch,
        progress,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        maxBadShare);
  }

  public BackfillOptions withLabelDelay(Duration value) {
    return new BackfillOptions(
        file,
        mapping,
        timestamps,
        report,
        batchSize,
        progressEvery,
        value,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        maxBadShare);
  }

  public BackfillOptions withRebuilds(boolean profiles, boolean online, int threads) {
    return new BackfillOptions(
        file,
        mapping,
        timestamps,
        report,
        batchSize,
        progressEvery,
        labelDelay,
        profiles,
        online,
        threads,
        maxBadShare);
  }

  public BackfillOptions withMaxBadShare(double value) {
    return new BackfillOptions(
        file,
        mapping,
        timestamps,
        report,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads,
        value);
  }
}
