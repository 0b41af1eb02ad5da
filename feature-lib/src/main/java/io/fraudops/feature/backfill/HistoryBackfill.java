package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.offline.PostgresLabelStore;
import io.fraudops.feature.offline.PostgresTransactionLedger;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Loads a CSV of historical payments and labels (schema in the package documentation) into the
 * ledger and the label store, then rebuilds the customer profiles and the online state from the
 * ledger. Streaming: memory holds one batch, whatever the file's size.
 *
 * <p>A bad line never stops the run: it is counted and listed in the report. Only a file that
 * cannot be read at all (missing, no header, a required column absent) or a store that fails stops
 * it; since every write is idempotent, running the same file again then resumes where it stopped.
 */
public final class HistoryBackfill {

  private final DataSource dataSource;
  private final OnlineFeatureStore online;
  private final TransactionParser parser;
  private final Consumer<String> progress;

  /**
   * @param online where the online state is rebuilt; may be null when no rebuild is asked
   * @param progress receives the progress lines (e.g. {@code System.out::println})
   */
  public HistoryBackfill(
      DataSource dataSource,
      OnlineFeatureStore online,
      TransactionParser parser,
      Consumer<String> progress) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.online = online;
    this.parser = Objects.requireNonNull(parser, "parser");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public BackfillSummary run(BackfillOptions options) {
    if (options.rebuildOnline() && online == null) {
      throw new IllegalArgumentException("rebuilding the online state needs an online store");
    }
    Load load = load(options);
    progress.accept(
        String.format(
            "[backfill] load done: %,d rows read, %,d ingested, %,d rejected",
            load.read, load.ingested, load.rejected));

    long profiles = -1;
    long begin = System.nanoTime();
    if (options.rebuildProfiles()) {
      progress.accept("[backfill] rebuilding customer profiles...");
      profiles = new ProfileRebuild(dataSource).run();
    }
    Duration profileTime = Duration.ofNanos(System.nanoTime() - begin);

    long replayed = -1;
    begin = System.nanoTime();
    if (options.rebuildOnline()) {
      progress.accept("[backfill] rebuilding the online state...");
      replayed =
          new OnlineRebuild(new PostgresHistory(dataSource), online, options.replayThreads())
              .run(progress, options.progressEvery());
    }
    Duration replayTime = Duration.ofNanos(System.nanoTime() - begin);
    return new BackfillSummary(
        load.read,
        load.ingested,
        load.valid - load.ingested,
        load.rejected,
        load.labels,
        load.elapsed,
        profiles,
        profileTime,
        replayed,
        replayTime,
        options.report());
  }

  private Load load(BackfillOptions options) {
    PostgresTransactionLedger ledger = new PostgresTransactionLedger(dataSource);
    PostgresLabelStore labels = new PostgresLabelStore(dataSource);
    Load load = new Load();
    long begin = System.nanoTime();
    try (BufferedReader in = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8);
        BadRowReport report = new BadRowReport(options.report())) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw new IllegalArgumentException(
            "the file " + options.file() + " is empty: a header row is required");
      }
      List<String> header = CsvLine.split(headerLine);
      Map<String, Integer> columns = options.mapping().locate(header);
      RowParser rows = new RowParser(parser, columns, header.size(), options.labelDelay());

      List<Transaction> txBatch = new ArrayList<>(options.batchSize());
      List<LabelEvent> labelBatch = new ArrayList<>();
      long line = 1;
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        load.read++;
        try {
          HistoryRow row = rows.parse(text);
          txBatch.add(row.transaction());
          if (row.label() != null) {
            labelBatch.add(row.label());
          }
        } catch (RejectedRowException e) {
          load.rejected++;
          report.reject(line, e.transactionId(), e.getMessage());
        }
        if (txBatch.size() >= options.batchSize()) {
          flush(ledger, labels, txBatch, labelBatch, load);
        }
        if (load.read % options.progressEvery() == 0) {
          progress.accept(progressLine(load, begin));
        }
      }
      flush(ledger, labels, txBatch, labelBatch, load);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + options.file(), e);
    }
    load.elapsed = Duration.ofNanos(System.nanoTime() - begin);
    return load;
  }

  // Payments first: a label is only visible in the history once its payment is in the ledger.
  private static void flush(
      PostgresTransactionLedger ledger,
      PostgresLabelStore labels,
      List<Transaction> txBatch,
      List<LabelEvent> labelBatch,
      Load load) {
    load.valid += txBatch.size();
    load.ingested += ledger.recordAll(txBatch);
    load.labels += labels.recordAll(labelBatch);
    txBatch.clear();
    labelBatch.clear();
  }

  private static String progressLine(Load load, long begin) {
    double seconds = (System.nanoTime() - begin) / 1e9;
    return String.format(
        "[backfill] %,d rows read, %,d rejected so far, %.0f s, %,.0f rows/s",
        load.read, load.rejected, seconds, load.read / seconds);
  }

  /** Running counts of the load. */
  private static final class Load {
    long read;
    long valid;
    long ingested;
    long rejected;
    long labels;
    Duration elapsed;
  }
}
