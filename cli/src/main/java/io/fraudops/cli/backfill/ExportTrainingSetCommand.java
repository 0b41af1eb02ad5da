package io.fraudops.cli.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.offline.CachedCustomerProfiles;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.training.PointInTimeExport;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the point-in-time training set of the offline store: for every labelled payment, its
 * features exactly as they would have been served at that instant (payments and labels known
 * strictly before it, replayed through the serving code path), then label, timestamp, transaction id.
 *
 * <pre>./fraud export-training-set --file=training.csv [--from=2025-01-01T00:00:00Z --until=...]
 *     [--jdbc-url=... --jdbc-user=... --jdbc-password=...]</pre>
 */
public final class ExportTrainingSetCommand {

  private static final Set<String> OPTIONS =
      Set.of("file", "from", "until", "maturity", "as-of", "labelled-only", "jdbc-url", "jdbc-user", "jdbc-password",
          "postgres-data-dir", "postgres-port", "help");

  private ExportTrainingSetCommand() {}

  public static void main(String[] args) throws Exception {
    QuietLogs.apply();
    try {
      run(CommandLine.parse(args, OPTIONS));
    } catch (IllegalArgumentException e) {
      System.err.println("export-training-set: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(CommandLine line) throws Exception {
    if (line.flag("help")) {
      System.out.println(
          "./fraud export-training-set --file=training.csv [--from=ISO-instant --until=ISO-instant]"
              + " [--maturity=30d --as-of=ISO-instant | --labelled-only]"
              + " [--jdbc-url=... --jdbc-user=... --jdbc-password=...]\n"
              + "Unlabelled payments older than --maturity (default 30d) at --as-of (default now) are exported as"
              + " legitimate; --labelled-only exports labelled payments alone.");
      return;
    }
    Path file = Path.of(line.required("file"));
    Instant matureBefore = line.flag("labelled-only") ? null : Instant.parse(line.get("as-of", Instant.now().toString()))
        .minus(days(line.get("maturity", "30d")));
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource = OfflineStore.open(line, "export", resources);
      FeatureStoreSchema.migrate(dataSource);
      PostgresHistory history = new PostgresHistory(dataSource);
      var profiles = new CachedCustomerProfiles(new PostgresCustomerProfiles(dataSource), Duration.ofHours(1), 1_000_000);
      PointInTimeExport export = new PointInTimeExport(FeatureCatalogue.current(), profiles);
      long begin = System.nanoTime();
      int rows;
      try (Stream<HistoryEvent> events = events(history, line);
          Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        rows = export.export(events, matureBefore, out);
      }
      System.out.printf(
          "[export] %,d payments with %d features (catalogue %s) written to %s in %.1f s%n",
          rows, export.catalogue().size(), export.catalogue().version(), file.toAbsolutePath(),
          (System.nanoTime() - begin) / 1e9);
      System.out.println(matureBefore == null
          ? "[export] labelled payments only"
          : "[export] labelled payments, and as legitimate every unlabelled payment made before " + matureBefore
              + " (no label within the maturity window)");
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  /** {@code 30d}, or an ISO-8601 duration such as {@code P30D}. */
  private static Duration days(String text) {
    if (text.matches("\\d+d")) {
      return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    try {
      return Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("--maturity must be like 30d or P30D, got " + text);
    }
  }

  private static Stream<HistoryEvent> events(PostgresHistory history, CommandLine line) {
    if (!line.has("from") && !line.has("until")) {
      return history.stream();
    }
    return history.stream(
        Instant.parse(line.get("from", "1970-01-01T00:00:00Z")), Instant.parse(line.get("until", "9999-12-31T00:00:00Z")));
  }
}
