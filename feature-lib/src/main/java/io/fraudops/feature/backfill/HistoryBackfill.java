package io.fraudops.feature.backfill;

import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.TransactionParser;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Loads a CSV of historical payments and labels (schema in the package documentation) into the
 * ledger and the label store, then rebuilds the customer profiles and, when asked, the online state
 * from the ledger. Streaming: memory holds a few batches, whatever the file's size. One thread
 * parses while another writes the previous batch ({@link LedgerLoad}), so both cores work.
 *
 * <p>The file is checked first ({@link HistoryFile}): a file that cannot be loaded fails before any
 * row is written. A bad line never stops the run: it is counted and listed in the report, and so is
 * a duplicate id. More refused lines than {@link BackfillOptions#maxBadShare()} make the run a
 * failure ({@link BackfillSummary#tooManyBad()}): what loaded stays (writes are idempotent, so
 * running the fixed file again completes it) but profiles and online state are not rebuilt from a
 * partial history.
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

  /**
   * @throws IllegalArgumentException when the file cannot be loaded at all (see {@link
   *     HistoryFile#check})
   */
  public BackfillSummary run(BackfillOptions options) {
    if (options.rebuildOnline() && online == null) {
      throw new IllegalArgumentException("rebuilding the online state needs an online store");
    }
    HistoryFile.check(options, parser);
    Load load = load(options);
    progress.accept(
        String.format(
            "[backfill] load done: %,d rows read, %,d ingested, %,d rejected,"
                + " %,d duplicate ids",
            load.read.get(), load.ingested.get(), load.rejected.get(), load.duplicates.get()));
    boolean failed =
        (load.rejected.get() + load.duplicates.get())
            > options.maxBadShare() * Math.max(load.read.get(), 1);

    long profiles = -1;
    long begin = System.nanoTime();
    if (options.rebuildProfiles() && !failed) {
      progress.accept("[backfill] rebuilding customer profiles...");
      profiles = new ProfileRebuild(dataSource).run();
    }
    Duration profileTime = Duration.ofNanos(System.nanoTime() - begin);

    long replayed = -1;
    begin = System.nanoTime();
    if (options.rebuildOnline() && !failed) {
      progress.accept("[backfill] rebuilding the online state...");
      replayed =
          new OnlineRebuild(new PostgresHistory(dataSource), online, options.replayThreads())
              .run(progress, options.progressEvery());
    }
    Duration replayTime = Duration.ofNanos(System.nanoTime() - begin);
    return new BackfillSummary(
        load.read.get(),
        load.ingested.get(),
        load.alreadyKnown.get(),
        load.rejected.get(),
        load.duplicates.get(),
        load.labels.get(),
        load.homes.get(),
        load.elapsed,
        options.maxBadShare(),
        profiles,
        profileTime,
        replayed,
        replayTime,
        options.report());
  }

  private Load load(BackfillOptions options) {
    Load load = new Load();
    long begin = System.nanoTime();
    long size;
    try {
      size = Files.size(options.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + options.file(), e);
    }
    Counting bytes;
    try (Counting counting = new Counting(Files.newInputStream(options.file()));
        BufferedReader in =
            new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16);
        BadRowReport report = new BadRowReport(options.report());
        PaymentLoad payments = new PaymentLoad(dataSource);
        LabelLoad labels = new LabelLoad(dataSource);
        Writer writer = new Writer(payments, labels, report, load)) {
      bytes = counting;
      FileLayout layout = HistoryFile.layout(in.readLine(), options);
      RowParser rows = new RowParser(parser, layout, options.timestamps(), options.labelDelay());
      Batch batch = new Batch(options.batchSize());
      long line = 1;
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        long read = load.read.incrementAndGet();
        try {
          HistoryRow row = rows.parse(text);
          batch.rows.add(new PaymentLoad.Staged(line, row));
        } catch (RejectedRowException e) {
          load.rejected.incrementAndGet();
          batch.refused.add(new Refused(line, e.transactionId(), e.getMessage()));
        }
        if (batch.rows.size() >= options.batchSize()) {
          writer.submit(batch);
          batch = new Batch(options.batchSize());
        }
        if (read % options.progressEvery() == 0) {
          progress.accept(progressLine(load, begin, bytes.count, size));
        }
      }
      writer.submit(batch);
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + options.file(), e);
    }
    load.elapsed = Duration.ofNanos(System.nanoTime() - begin);
    return load;
  }

  private static String progressLine(Load load, long begin, long bytesRead, long size) {
    double seconds = (System.nanoTime() - begin) / 1e9;
    return String.format(
        "[backfill] %,d rows read (%.0f %% of the file), %,d ingested, %,d rejected,"
            + " %,d duplicate ids so far, %.0f s, %,.0f rows/s",
        load.read.get(),
        100.0 * bytesRead / Math.max(size, 1),
        load.ingested.get(),
        load.rejected.get(),
        load.duplicates.get(),
        seconds,
        load.read.get() / seconds);
  }

  /**
   * A line refused by the parser, reported once its batch is written (so the report stays in line
   * order).
   */
  private record Refused(long line, String transactionId, String reason) {}

  private static final class Batch {
    final List<PaymentLoad.Staged> rows;
    final List<Refused> refused = new ArrayList<>();

    Batch(int size) {
      rows = new ArrayList<>(size);
    }
  }

  /**
   * Writes batches in two steps, each on its own thread and database connection: payments ({@link
   * PaymentLoad}), then labels and homes ({@link LabelLoad}) of a batch while the next batch's
   * payments go in. With the parser, that keeps both cores busy. Queues of one batch bound memory;
   * a failure stops both steps and surfaces at the next {@link #submit} or at {@link #finish}.
   */
  private static final class Writer implements AutoCloseable {

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Step<Batch> paymentStep;
    private final Step<Written> labelStep;
    private boolean finished;

    Writer(PaymentLoad payments, LabelLoad labels, BadRowReport report, Load load) {
      labelStep =
          new Step<>(
              "backfill-labels",
              failure,
              written -> {
                LabelLoad.Outcome outcome =
                    labels.load(written.batch().rows, written.outcome().refused());
                load.labels.addAndGet(outcome.labels());
                load.homes.addAndGet(outcome.homes());
                report(written, report);
              });
      paymentStep =
          new Step<>(
              "backfill-payments",
              failure,
              batch -> {
                PaymentLoad.Outcome outcome = payments.load(batch.rows);
                load.ingested.addAndGet(outcome.ingested());
                load.alreadyKnown.addAndGet(outcome.alreadyKnown());
                load.duplicates.addAndGet(outcome.duplicates().size());
                labelStep.put(new Written(batch, outcome));
              });
    }

    void submit(Batch batch) {
      rethrow();
      paymentStep.put(batch);
    }

    void finish() {
      finished = true;
      paymentStep.end();
      labelStep.end();
      rethrow();
    }

    /** When the parser failed first: stop the steps without writing what is still queued. */
    @Override
    public void close() {
      if (!finished) {
        finished = true;
        failure.compareAndSet(null, new IllegalStateException("the load stopped"));
        paymentStep.end();
        labelStep.end();
      }
    }

    private static void report(Written written, BadRowReport report) {
      List<Refused> refused = new ArrayList<>(written.batch().refused);
      for (PaymentLoad.Duplicate duplicate : written.outcome().duplicates()) {
        refused.add(new Refused(duplicate.line(), duplicate.transactionId(), duplicate.reason()));
      }
      refused.sort(Comparator.comparingLong(Refused::line));
      for (Refused line : refused) {
        report.reject(line.line(), line.transactionId(), line.reason());
      }
    }

    private void rethrow() {
      if (failure.get() != null) {
        throw failure.get();
      }
    }
  }

  /** A batch whose payments are written, on its way to the label step. */
  private record Written(Batch batch, PaymentLoad.Outcome outcome) {}

  /** A thread taking items from a queue of one, in order; after a failure it only drains. */
  private static final class Step<T> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
    private final AtomicReference<RuntimeException> failure;
    private final Thread thread;

    @SuppressWarnings("unchecked")
    Step(String name, AtomicReference<RuntimeException> failure, Consumer<T> work) {
      this.failure = failure;
      this.thread =
          Thread.ofPlatform()
              .name(name)
              .start(
                  () -> {
                    for (Object item = take(); item != END; item = take()) {
                      if (failure.get() != null) {
                        continue; // keep taking, so no one blocks on a full queue
                      }
                      try {
                        work.accept((T) item);
                      } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                      }
                    }
                  });
    }

    void put(T item) {
      putObject(item);
    }

    /** Lets the thread finish what is queued (or drop it after a failure), and waits for it. */
    void end() {
      putObject(END);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading", e);
      }
    }

    private Object take() {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, new IllegalStateException("interrupted while loading", e));
        return END;
      }
    }

    private void putObject(Object item) {
      try {
        queue.put(item);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading", e);
      }
    }
  }

  /** Bytes read so far, for the progress lines. */
  private static final class Counting extends FilterInputStream {
    volatile long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Running counts of the load; the writer thread updates some of them. */
  private static final class Load {
    final AtomicLong read = new AtomicLong();
    final AtomicLong ingested = new AtomicLong();
    final AtomicLong alreadyKnown = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong labels = new AtomicLong();
    final AtomicLong homes = new AtomicLong();
    Duration elapsed;
  }
}
