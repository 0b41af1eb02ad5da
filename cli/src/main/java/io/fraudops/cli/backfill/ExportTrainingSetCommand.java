package io.fraudops.cli.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.cli.stores.OfflineStore;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.offline.CachedCustomerProfiles;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.training.PointInTimeExport;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes the point-in-time training set of the offline store: for every labelled payment, its
 * features exactly as they would have been served at that instant (payments and labels known
 * strictly before it, replayed through the serving code path), then label, timestamp, transaction
 * id.
 */
@Command(
    name = "export-training-set",
    header = "Writes the point-in-time training set of the offline store.",
    description = {
      "Writes the point-in-time training set of the offline store: every matured payment's features as they"
          + " would have been served at its instant, then label, timestamp and transaction id.",
      "Unlabelled payments older than --maturity at --as-of are exported as legitimate; --labelled-only exports"
          + " labelled payments alone."
    })
public final class ExportTrainingSetCommand implements Callable<Integer> {

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<csv>",
      description = "Where to write the training set.")
  Path file;

  @Option(
      names = "--from",
      paramLabel = "<instant>",
      description = "Only payments from this ISO-8601 instant on.")
  Instant from;

  @Option(
      names = "--until",
      paramLabel = "<instant>",
      description = "Only payments before this instant.")
  Instant until;

  @Option(
      names = "--maturity",
      paramLabel = "<duration>",
      defaultValue = "30d",
      description = "How long a payment nobody flagged must be past to count as legitimate.")
  Duration maturity;

  @Option(
      names = "--as-of",
      paramLabel = "<instant>",
      description = "The instant maturity is measured at. Default: now.")
  Instant asOf;

  @Option(
      names = "--labelled-only",
      description = "Export labelled payments only (no maturity rule).")
  boolean labelledOnly;

  @Mixin DataSourceOptions dataSource;
  @Mixin EmbeddedPostgresOptions embeddedPostgres;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (labelledOnly
        && (asOf != null || spec.commandLine().getParseResult().hasMatchedOption("--maturity"))) {
      throw new ParameterException(
          spec.commandLine(), "--labelled-only has no maturity: drop --maturity and --as-of");
    }
    Instant matureBefore =
        labelledOnly ? null : (asOf != null ? asOf : Instant.now()).minus(maturity);
    PrintWriter out = spec.commandLine().getOut();
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource =
          OfflineStore.open(this.dataSource, embeddedPostgres, "export", out, resources);
      FeatureStoreSchema.migrate(dataSource);
      PostgresHistory history = new PostgresHistory(dataSource);
      var profiles =
          new CachedCustomerProfiles(
              new PostgresCustomerProfiles(dataSource), Duration.ofHours(1), 1_000_000);
      PointInTimeExport export = new PointInTimeExport(FeatureCatalogue.current(), profiles);
      long begin = System.nanoTime();
      int rows;
      try (Stream<HistoryEvent> events = events(history);
          Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        rows = export.export(events, matureBefore, csv);
      }
      out.printf(
          "[export] %,d payments with %d features (catalogue %s) written to %s in %.1f s%n",
          rows,
          export.catalogue().size(),
          export.catalogue().version(),
          file.toAbsolutePath(),
          (System.nanoTime() - begin) / 1e9);
      out.println(
          matureBefore == null
              ? "[export] labelled payments only"
              : "[export] labelled payments, and as legitimate every unlabelled payment made before "
                  + matureBefore
                  + " (no label within the maturity window)");
      out.flush();
      return 0;
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  private Stream<HistoryEvent> events(PostgresHistory history) {
    if (from == null && until == null) {
      return history.stream();
    }
    return history.stream(
        from != null ? from : Instant.EPOCH,
        until != null ? until : Instant.parse("9999-12-31T00:00:00Z"));
  }
}
