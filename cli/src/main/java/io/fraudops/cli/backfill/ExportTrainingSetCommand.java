package io.fraudops.cli.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.cli.stores.OfflineStore;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.training.OfflineTrainingExport;
import io.fraudops.feature.training.PointInTimeExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes the point-in-time training set of the offline store: for every labelled payment, its
 * features exactly as they would have been served at that instant (payments and labels known
 * strictly before it, replayed through the serving code path, profiles as of the payment), then
 * label, timestamp, transaction id. Streams: memory does not grow with the rows.
 */
@Command(
    name = "export-training-set",
    header = "Writes the point-in-time training set of the offline store.",
    description = {
      "Writes the point-in-time training set of the offline store: every matured payment's features as they"
          + " would have been served at its instant, then label, timestamp and transaction id. Nothing later than"
          + " a payment reaches its row: windows, labels (chargebacks included, from when they were known) and the"
          + " customer's profile (usual amount, home) are as of that payment.",
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

  @Option(
      names = "--progress-every",
      paramLabel = "<payments>",
      defaultValue = "" + PointInTimeExport.DEFAULT_PROGRESS_EVERY,
      description = "A progress line every this many payments replayed.")
  int progressEvery;

  @Mixin DataSourceOptions dataSource;
  @Mixin EmbeddedPostgresOptions embeddedPostgres;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (progressEvery < 1) {
      throw new ParameterException(spec.commandLine(), "--progress-every must be at least 1");
    }
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
      FeatureCatalogue catalogue = FeatureCatalogue.current();
      PointInTimeExport.Summary summary =
          new OfflineTrainingExport(dataSource, catalogue, out::println)
              .run(file, from, until, matureBefore, progressEvery);
      out.printf(
          "[export] %,d payments replayed, %,d rows (%,d fraud, %,d matured unlabelled as legitimate) with %d"
              + " features (catalogue %s) written to %s in %.1f s%n",
          summary.payments(),
          summary.rows(),
          summary.fraud(),
          summary.matured(),
          catalogue.size(),
          catalogue.version(),
          file.toAbsolutePath(),
          summary.elapsed().toNanos() / 1e9);
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
}
