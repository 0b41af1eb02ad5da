package io.fraudops.feature.backfill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * @param file the CSV to load (schema in the package documentation)
 * @param mapping renames for files whose columns are named differently
 * @param report where rejected rows are listed (line, transaction id, reasons); replaced if present
 * @param batchSize rows per database batch
 * @param progressEvery a progress line every this many rows
 * @param labelDelay when a label has no {@code label_known_at}: how long after the payment it
 *     became known. Late rather than early, so no export uses a label before it could exist.
 * @param rebuildProfiles recompute the customer profiles from the ledger afterwards
 * @param rebuildOnline replay the ledger through the online store afterwards
 * @param replayThreads parallel replay; each customer stays on one thread, so their order is kept
 */
public record BackfillOptions(
    Path file,
    ColumnMapping mapping,
    Path report,
    int batchSize,
    int progressEvery,
    Duration labelDelay,
    boolean rebuildProfiles,
    boolean rebuildOnline,
    int replayThreads) {

  /**
   * Chargebacks mostly arrive within 30 days of the payment; until then a label is not assumed
   * known.
   */
  public static final Duration DEFAULT_LABEL_DELAY = Duration.ofDays(30);

  public static final int DEFAULT_BATCH_SIZE = 5_000;
  public static final int DEFAULT_PROGRESS_EVERY = 100_000;
  public static final int DEFAULT_REPLAY_THREADS = 4;

  public BackfillOptions {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mapping, "mapping");
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
        defaultReport(file),
        DEFAULT_BATCH_SIZE,
        DEFAULT_PROGRESS_EVERY,
        DEFAULT_LABEL_DELAY,
        true,
        true,
        DEFAULT_REPLAY_THREADS);
  }

  public static Path defaultReport(Path file) {
    return file.resolveSibling(file.getFileName() + ".rejected.csv");
  }

  public BackfillOptions withMapping(ColumnMapping value) {
    return new BackfillOptions(
        file,
        value,
        report,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads);
  }

  public BackfillOptions withReport(Path value) {
    return new BackfillOptions(
        file,
        mapping,
        value,
        batchSize,
        progressEvery,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads);
  }

  public BackfillOptions withBatching(int batch, int progress) {
    return new BackfillOptions(
        file,
        mapping,
        report,
        batch,
        progress,
        labelDelay,
        rebuildProfiles,
        rebuildOnline,
        replayThreads);
  }

  public BackfillOptions withLabelDelay(Duration value) {
    return new BackfillOptions(
        file,
        mapping,
        report,
        batchSize,
        progressEvery,
        value,
        rebuildProfiles,
        rebuildOnline,
        replayThreads);
  }

  public BackfillOptions withRebuilds(boolean profiles, boolean online, int threads) {
    return new BackfillOptions(
        file, mapping, report, batchSize, progressEvery, labelDelay, profiles, online, threads);
  }
}
