package io.fraudops.feature.training;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Replays labelled history through a fresh in-memory online store and the serving {@link
 * FeatureService}: the very code path that scores live payments, so the model learns from the
 * features it will be given. Rows must come in timestamp order; invalid payloads are skipped, as
 * the parser would reject them before scoring.
 */
public final class TrainingSetBuilder {

  private final FeatureCatalogue catalogue;
  private final CustomerProfiles profiles;
  private final OnlineStoreSettings settings;

  public TrainingSetBuilder(
      FeatureCatalogue catalogue, CustomerProfiles profiles, OnlineStoreSettings settings) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public TrainingSetBuilder(FeatureCatalogue catalogue, CustomerProfiles profiles) {
    this(catalogue, profiles, OnlineStoreSettings.defaults());
  }

  /**
   * Rows for payments and labels as they became known: point in time, so merchant and category
   * fraud rates see only earlier labels. Only labelled payments become rows; see {@link
   * PointInTimeExport}.
   */
  public TrainingSet buildFromHistory(Stream<HistoryEvent> history) {
    return buildFromHistory(history, null);
  }

  /**
   * As {@link #buildFromHistory(Stream)}, with every unlabelled payment made before {@code
   * matureBefore} as a legitimate row (see {@link PointInTimeExport#rows(Stream, Instant)}).
   */
  public TrainingSet buildFromHistory(Stream<HistoryEvent> history, Instant matureBefore) {
    List<PointInTimeExport.Row> rows =
        new PointInTimeExport(catalogue, profiles, settings).rows(history, matureBefore);
    return new TrainingSet(
        catalogue.names(),
        rows.stream().map(PointInTimeExport.Row::features).toArray(double[][]::new),
        rows.stream().mapToInt(row -> row.fraud() ? 1 : 0).toArray(),
        rows.stream().mapToLong(PointInTimeExport.Row::epochMillis).toArray());
  }

  /**
   * One row per valid payment, labelled with the generator's ground truth. No label events are
   * replayed, so label-based features (v2's fraud rates) stay at their prior: use {@link
   * #buildFromHistory} for those.
   */
  public TrainingSet build(Stream<LabelledTransaction> history) {
    FeatureService service =
        new FeatureService(new InMemoryOnlineFeatureStore(settings), profiles, catalogue);
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    history
        .filter(LabelledTransaction::valid)
        .forEachOrdered(
            row -> {
              FeatureResult result = service.featuresFor(row.transaction());
              // In-memory stores cannot be down; an incomplete row here would be a bug, not an
              // outage.
              if (!result.complete()) {
                throw new IllegalStateException(
                    "incomplete features while replaying: " + result.degradedReason());
              }
              rows.add(result.vector().values());
              labels.add(row.fraud() ? 1 : 0);
              timestamps.add(row.transaction().epochMillis());
            });
    return new TrainingSet(
        catalogue.names(),
        rows.toArray(double[][]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        timestamps.stream().mapToLong(Long::longValue).toArray());
  }
}
