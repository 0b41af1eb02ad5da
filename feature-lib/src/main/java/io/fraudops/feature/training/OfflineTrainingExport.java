package io.fraudops.feature.training;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistorySource;
import io.fraudops.feature.offline.DeclaredHomes;
import io.fraudops.feature.offline.PostgresCustomerHomes;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.offline.PostgresHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The training set of the offline store, as {@code ./fraud export-training-set} writes it: the
 * history in {@code [from, until)} replayed with profiles as of each payment ({@link
 * PointInTimeExport#withProfilesAsOf}), streamed to a file. The file appears complete or not at
 * all: rows go to a temporary file next to it, moved into place at the end.
 */
public final class OfflineTrainingExport {

  private final DataSource dataSource;
  private final FeatureCatalogue catalogue;
  private final Consumer<String> progress;

  public OfflineTrainingExport(
      DataSource dataSource, FeatureCatalogue catalogue, Consumer<String> progress) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * @param from first instant of the history to replay, null for the beginning
   * @param until end (excluded), null for everything
   * @param matureBefore unlabelled payments before it are exported as legitimate; null for labelled
   *     only
   */
  public PointInTimeExport.Summary run(
      Path file, Instant from, Instant until, Instant matureBefore, int progressEvery) {
    long begin = System.nanoTime();
    DeclaredHomes homes = new PostgresCustomerHomes(dataSource).all();
    Map<String, ZoneId> zones = new PostgresCustomerProfiles(dataSource).timeZones();
    progress.accept(
        String.format(
            "[export] %,d declared homes and %,d time zones loaded (%.1f s)",
            homes.size(), zones.size(), (System.nanoTime() - begin) / 1e9));
    PointInTimeExport export = PointInTimeExport.withProfilesAsOf(catalogue, homes, zones);
    HistorySource history = new PostgresHistory(dataSource).source(from, until);

    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      PointInTimeExport.Summary summary;
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        summary = export.export(history, matureBefore, out, progress, progressEvery);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Best effort: the message that matters is the one already thrown, if any.
      }
    }
  }
}
