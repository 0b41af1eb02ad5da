package io.fraudops.workers.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.training.OfflineTrainingExport;
import io.fraudops.feature.training.PointInTimeExport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Writes the point-in-time training set of the offline store: for every labelled payment, its
 * features exactly as they would have been served at that instant (payments and labels known
 * strictly before it, replayed through the serving code path, profiles as of the payment), then label,
 * timestamp, transaction id. Streams: memory does not grow with the rows.
 *
 * <pre>./fraud export-training-set --file=training.csv [--from=2025-01-01T00:00:00Z --until=...]
 *     [--maturity=30d --as-of=... | --labelled-only] [--progress-every=250000]
 *     [--jdbc-url=... --jdbc-user=... --jdbc-password=...]</pre>
 */
public final class ExportTrainingSetCommand {

  private static final Set<String> OPTIONS =
      Set.of("file", "from", "until", "maturity", "as-of", "labelled-only", "progress-every", "jdbc-url", "jdbc-user",
          "jdbc-password", "postgres-data-dir", "postgres-port", "help");

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
              + " [--maturity=30d --as-of=ISO-instant | --labelled-only] [--progress-every=250000]"
              + " [--jdbc-url=... --jdbc-user=... --jdbc-password=...]\n"
              + "Unlabelled payments older than --maturity (default 30d) at --as-of (default now) are exported as"
              + " legitimate; --labelled-only exports labelled payments alone.");
      return;
    }
    Path file = Path.of(line.required("file"));
    Instant matureBefore = line.flag("labelled-only") ? null : Instant.parse(line.get("as-of", Instant.now().toString()))
        .minus(days(line.get("maturity", "30d")));
    Instant from = line.has("from") ? Instant.parse(line.get("from", null)) : null;
    Instant until = line.has("until") ? Instant.parse(line.get("until", null)) : null;
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource = OfflineStore.open(line, "export", resources);
      FeatureStoreSchema.migrate(dataSource);
      PointInTimeExport.Summary summary =
          new OfflineTrainingExport(dataSource, FeatureCatalogue.current(), System.out::println)
              .run(file, from, until, matureBefore,
                  line.integer("progress-every", PointInTimeExport.DEFAULT_PROGRESS_EVERY));
      System.out.printf(
          "[export] %,d payments replayed, %,d rows (%,d fraud, %,d matured unlabelled as legitimate) with %d"
              + " features (catalogue %s) written to %s in %.1f s%n",
          summary.payments(), summary.rows(), summary.fraud(), summary.matured(), FeatureCatalogue.current().size(),
          FeatureCatalogue.current().version(), file.toAbsolutePath(), summary.elapsed().toNanos() / 1e9);
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
}
