package io.fraudops.feature.training;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.HistorySource;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.offline.DeclaredHomes;
import io.fraudops.feature.offline.RunningProfiles;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.transaction.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Training rows as of the instant of each payment. Replays payments and labels, in the order they
 * became known, through a fresh {@link InMemoryOnlineFeatureStore} and the serving {@link
 * FeatureService}: a payment's features are taken when it is replayed, from what was recorded
 * before it, so nothing learnt later (a label, a later payment) can reach them.
 *
 * <p>Profiles come one of two ways. {@link #withProfilesAsOf} derives them from the replayed
 * history itself, as of each payment ({@link RunningProfiles}: the batch job's definition, applied
 * to what was known just before the payment), which is what an export of the offline store needs.
 * The constructors take fixed profiles that are not learnt from this history, e.g. a synthetic
 * world's.
 *
 * <p>A payment gets a row when a label on it arrives by the end of the history, with the label
 * known last (a chargeback after an analyst's verdict overrides it); see {@link #rows(Stream,
 * Instant)} for unlabelled payments. The labels are read first ({@link HistorySource#labels()}), so
 * each row is written as soon as its payment is replayed: memory does not grow with the rows, only
 * with the replay's state (the online store's windows, {@link RunningProfiles}) and about 20-40
 * bytes per labelled payment.
 */
public final class PointInTimeExport {

  /** Progress lines, one every this many payments. */
  public static final int DEFAULT_PROGRESS_EVERY = 250_000;

  private final FeatureCatalogue catalogue;
  private final CustomerProfiles fixedProfiles;
  private final DeclaredHomes homes;
  private final Map<String, ZoneId> zones;
  private final OnlineStoreSettings settings;

  private PointInTimeExport(
      FeatureCatalogue catalogue,
      CustomerProfiles fixedProfiles,
      DeclaredHomes homes,
      Map<String, ZoneId> zones,
      OnlineStoreSettings settings) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.fixedProfiles = fixedProfiles;
    this.homes = homes;
    this.zones = zones;
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * With profiles fixed in advance and not learnt from the history (a synthetic world's, for one).
   */
  public PointInTimeExport(
      FeatureCatalogue catalogue, CustomerProfiles profiles, OnlineStoreSettings settings) {
    this(catalogue, Objects.requireNonNull(profiles, "profiles"), null, null, settings);
  }

  /**
   * As {@link #PointInTimeExport(FeatureCatalogue, CustomerProfiles, OnlineStoreSettings)}, default
   * settings.
   */
  public PointInTimeExport(FeatureCatalogue catalogue, CustomerProfiles profiles) {
    this(catalogue, profiles, OnlineStoreSettings.defaults());
  }

  /**
   * With each customer's profile as of each payment, computed from the history replayed before it.
   *
   * @param homes homes the customers declared, each from its instant on
   * @param zones time zone per customer where known (an attribute, not learnt from payments)
   */
  public static PointInTimeExport withProfilesAsOf(
      FeatureCatalogue catalogue,
      DeclaredHomes homes,
      Map<String, ZoneId> zones,
      OnlineStoreSettings settings) {
    return new PointInTimeExport(
        catalogue, null, Objects.requireNonNull(homes, "homes"), Map.copyOf(zones), settings);
  }

  public static PointInTimeExport withProfilesAsOf(
      FeatureCatalogue catalogue, DeclaredHomes homes, Map<String, ZoneId> zones) {
    return withProfilesAsOf(catalogue, homes, zones, OnlineStoreSettings.defaults());
  }

  /** One labelled payment: its features as served, in catalogue order. */
  public record Row(String transactionId, long epochMillis, double[] features, boolean fraud) {

    public Row {
      Objects.requireNonNull(transactionId, "transactionId");
      features = features.clone();
    }

    @Override
    public double[] features() {
      return features.clone();
    }
  }

  /**
   * What an export wrote.
   *
   * @param payments payments replayed
   * @param rows rows written: {@code labelled + matured}
   * @param fraud rows labelled fraud
   * @param matured unlabelled payments written as legitimate (older than the maturity instant)
   */
  public record Summary(long payments, long rows, long fraud, long matured, Duration elapsed) {}

  /** The labelled payments of the history, in the order they were paid. */
  public List<Row> rows(Stream<HistoryEvent> history) {
    return rows(history, null);
  }

  /**
   * The labelled payments, and as legitimate every unlabelled payment made before {@code
   * matureBefore}: fraud is only known once a chargeback or an analyst says so, so a payment nobody
   * flagged within the maturity window is taken as legitimate (the usual convention). Unlabelled
   * payments after it are left out: their outcome is not known yet. Holds the history and the rows
   * in memory: for large histories use {@link #export(HistorySource, Instant, Writer, Consumer,
   * int)}.
   *
   * @param matureBefore null to export labelled payments only
   */
  public List<Row> rows(Stream<HistoryEvent> history, Instant matureBefore) {
    List<Row> rows = new ArrayList<>();
    replay(
        HistorySource.of(history.toList()), matureBefore, rows::add, line -> {}, Integer.MAX_VALUE);
    return rows;
  }

  /**
   * Writes the labelled payments as CSV: a header of the catalogue's feature names, then {@code
   * label} (1 fraud, 0 not), {@code timestamp} (epoch millis) and {@code transactionId}. Values are
   * exact.
   *
   * @return the number of rows written
   */
  public int export(Stream<HistoryEvent> history, Writer out) {
    return export(history, null, out);
  }

  /**
   * As {@link #export(Stream, Writer)}, with matured unlabelled payments as legitimate (see {@link
   * #rows(Stream, Instant)}).
   */
  public int export(Stream<HistoryEvent> history, Instant matureBefore, Writer out) {
    return Math.toIntExact(
        export(HistorySource.of(history.toList()), matureBefore, out, line -> {}, Integer.MAX_VALUE)
            .rows());
  }

  /**
   * Streams the export of a history that can be read twice (labels, then everything): each row is
   * written as its payment is replayed, so memory stays flat whatever the number of rows.
   *
   * @param matureBefore null to export labelled payments only (see {@link #rows(Stream, Instant)})
   * @param progress receives a line every {@code progressEvery} payments
   */
  public Summary export(
      HistorySource history,
      Instant matureBefore,
      Writer out,
      Consumer<String> progress,
      int progressEvery) {
    Objects.requireNonNull(out, "out");
    CsvRows csv = new CsvRows(out);
    csv.header(catalogue.names());
    // Rows are formatted and written on another thread: the replay is the critical path.
    try (RowHandOff handOff = new RowHandOff(csv)) {
      Summary summary = replay(history, matureBefore, handOff::add, progress, progressEvery);
      handOff.finish();
      csv.flush();
      return summary;
    }
  }

  public FeatureCatalogue catalogue() {
    return catalogue;
  }

  private Summary replay(
      HistorySource history,
      Instant matureBefore,
      Consumer<Row> sink,
      Consumer<String> progress,
      int progressEvery) {
    if (progressEvery < 1) {
      throw new IllegalArgumentException(
          "progressEvery must be at least 1 (got " + progressEvery + ")");
    }
    long begin = System.nanoTime();
    LabelOutcomes outcomes = new LabelOutcomes();
    try (Stream<LabelEvent> labels = history.labels()) {
      labels.forEachOrdered(outcomes::record);
    }
    OptionalLong expected = history.payments();
    progress.accept(
        String.format(
            "[export] %,d labelled payments%s; replaying the history (%.1f s)",
            outcomes.size(),
            expected.isPresent() ? String.format(" among %,d", expected.getAsLong()) : "",
            (System.nanoTime() - begin) / 1e9));

    InMemoryOnlineFeatureStore store = new InMemoryOnlineFeatureStore(settings);
    RunningProfiles running =
        fixedProfiles == null ? new RunningProfiles(homes, zones, outcomes::everFraud) : null;
    long[] clock = {Long.MIN_VALUE};
    CustomerProfiles profiles =
        running == null
            ? fixedProfiles
            : customerId -> Optional.ofNullable(running.asOf(customerId, clock[0]));
    FeatureService service = new FeatureService(store, profiles, catalogue);
    long mature = matureBefore == null ? Long.MIN_VALUE : matureBefore.toEpochMilli();
    Counts counts = new Counts();
    // A payment replayed twice (the same id at the same instant) keeps its first row.
    Set<String> paidAtThisInstant = new HashSet<>();
    try (Stream<HistoryEvent> events = history.events()) {
      events.forEachOrdered(
          event -> {
            long at = event.at().toEpochMilli();
            // Out of order, a later event would be replayed before an earlier payment and leak into
            // it.
            if (at < clock[0]) {
              throw new IllegalArgumentException(
                  "history must come in at() order: "
                      + event.at()
                      + " after "
                      + Instant.ofEpochMilli(clock[0]));
            }
            if (at > clock[0]) {
              paidAtThisInstant.clear();
            }
            clock[0] = at;
            switch (event) {
              case HistoryEvent.Payment payment -> {
                Transaction tx = payment.transaction();
                if (!paidAtThisInstant.add(tx.transactionId())) {
                  return;
                }
                FeatureResult result = service.featuresFor(tx);
                // In-memory stores cannot be down; an incomplete row here would be a bug, not an
                // outage.
                if (!result.complete()) {
                  throw new IllegalStateException(
                      "incomplete features while replaying: " + result.degradedReason());
                }
                if (running != null) {
                  running.record(tx);
                }
                Boolean fraud = outcomes.last(tx.transactionId());
                if (fraud == null && at < mature) {
                  fraud = false;
                  counts.matured++;
                }
                if (fraud != null) {
                  sink.accept(new Row(tx.transactionId(), at, result.vector().values(), fraud));
                  counts.rows++;
                  counts.fraud += fraud ? 1 : 0;
                }
                if (++counts.payments % progressEvery == 0) {
                  progress.accept(progressLine(counts, expected, begin));
                }
              }
              case LabelEvent label -> {
                store.recordLabel(label);
                if (running != null) {
                  running.recordLabel(label);
                }
              }
            }
          });
    }
    return new Summary(
        counts.payments,
        counts.rows,
        counts.fraud,
        counts.matured,
        Duration.ofNanos(System.nanoTime() - begin));
  }

  private static String progressLine(Counts counts, OptionalLong expected, long begin) {
    double seconds = (System.nanoTime() - begin) / 1e9;
    String share =
        expected.isPresent() && expected.getAsLong() > 0
            ? String.format(" (%.0f %%)", 100.0 * counts.payments / expected.getAsLong())
            : "";
    return String.format(
        "[export] %,d payments replayed%s, %,d rows written, %.0f s, %,.0f payments/s",
        counts.payments, share, counts.rows, seconds, counts.payments / seconds);
  }

  private static final class Counts {
    long payments;
    long rows;
    long fraud;
    long matured;
  }

  /**
   * Hands rows, a chunk at a time, to a thread that writes them in order. A write failure surfaces
   * at the next chunk or at {@link #finish}; closing without finishing stops the thread.
   */
  private static final class RowHandOff implements AutoCloseable {

    private static final int CHUNK = 1_024;
    private static final List<Row> END = List.of();

    private final BlockingQueue<List<Row>> chunks = new ArrayBlockingQueue<>(8);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread writer;
    private List<Row> chunk = new ArrayList<>(CHUNK);
    private boolean ended;

    RowHandOff(CsvRows csv) {
      writer =
          Thread.ofPlatform()
              .name("export-writer")
              .start(
                  () -> {
                    while (true) {
                      List<Row> rows;
                      try {
                        rows = chunks.take();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                      if (rows == END) {
                        return;
                      }
                      if (failure.get() == null) {
                        try {
                          rows.forEach(csv::write);
                        } catch (RuntimeException e) {
                          failure.compareAndSet(null, e);
                        }
                      }
                    }
                  });
    }

    void add(Row row) {
      chunk.add(row);
      if (chunk.size() == CHUNK) {
        put(chunk);
        chunk = new ArrayList<>(CHUNK);
      }
    }

    void finish() {
      if (!chunk.isEmpty()) {
        put(chunk);
      }
      stop();
      if (failure.get() != null) {
        throw failure.get();
      }
    }

    /** After a failure of the replay: the writer drops what is queued and stops. */
    @Override
    public void close() {
      if (!ended) {
        failure.compareAndSet(null, new IllegalStateException("the export stopped"));
        chunks.clear();
        stop();
      }
    }

    private void stop() {
      ended = true;
      enqueue(END);
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the export", e);
      }
    }

    private void put(List<Row> rows) {
      if (failure.get() != null) {
        throw failure.get();
      }
      enqueue(rows);
    }

    private void enqueue(List<Row> rows) {
      try {
        chunks.put(rows);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the export", e);
      }
    }
  }

  /** The CSV the trainers read; doubles as Java prints them, which read back to the same bits. */
  private static final class CsvRows {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);

    CsvRows(Writer out) {
      this.out = out;
    }

    void header(List<String> names) {
      print(String.join(",", names) + ",label,timestamp,transactionId\n");
    }

    void write(Row row) {
      line.setLength(0);
      for (double value : row.features) {
        line.append(value).append(',');
      }
      line.append(row.fraud() ? 1 : 0)
          .append(',')
          .append(row.epochMillis())
          .append(',')
          .append(csv(row.transactionId()))
          .append('\n');
      print(line);
    }

    void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void print(CharSequence text) {
      try {
        out.append(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String csv(String text) {
      if (text.indexOf(',') < 0
          && text.indexOf('"') < 0
          && text.indexOf('\n') < 0
          && text.indexOf('\r') < 0) {
        return text;
      }
      return '"' + text.replace("\"", "\"\"") + '"';
    }
  }
}
