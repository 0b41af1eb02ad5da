package io.fraudops.feature.training;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.online.OnlineStoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Training rows as of the instant of each payment. Replays payments and labels, in the order they
 * became known, through a fresh {@link InMemoryOnlineFeatureStore} and the serving {@link
 * FeatureService}: a payment's features are taken when it is replayed, from what was recorded
 * before it, so nothing learnt later (a label, a later payment) can reach them. Labels are joined
 * afterwards: a payment gets a row if any label on it arrives by the end of the stream, with the
 * label known last (a chargeback after an analyst's verdict overrides it).
 *
 * <p>Profiles are read as they are now, not as they were: the batch profile has no history.
 * Features of every payment are held until the end of the stream (about 8 bytes per feature per
 * payment).
 */
public final class PointInTimeExport {

  private final FeatureCatalogue catalogue;
  private final CustomerProfiles profiles;
  private final OnlineStoreSettings settings;

  public PointInTimeExport(
      FeatureCatalogue catalogue, CustomerProfiles profiles, OnlineStoreSettings settings) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public PointInTimeExport(FeatureCatalogue catalogue, CustomerProfiles profiles) {
    this(catalogue, profiles, OnlineStoreSettings.defaults());
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

  /** The labelled payments of the history, in the order they were paid. */
  public List<Row> rows(Stream<HistoryEvent> history) {
    return rows(history, null);
  }

  /**
   * The labelled payments, and as legitimate every unlabelled payment made before {@code
   * matureBefore}: fraud is only known once a chargeback or an analyst says so, so a payment nobody
   * flagged within the maturity window is taken as legitimate (the usual convention). Unlabelled
   * payments after it are left out: their outcome is not known yet.
   *
   * @param matureBefore null to export labelled payments only
   */
  public List<Row> rows(Stream<HistoryEvent> history, Instant matureBefore) {
    InMemoryOnlineFeatureStore store = new InMemoryOnlineFeatureStore(settings);
    FeatureService service = new FeatureService(store, profiles, catalogue);
    Map<String, Payment> payments = new LinkedHashMap<>();
    Instant[] previous = {Instant.MIN};
    history.forEachOrdered(
        event -> {
          // Out of order, a later event would be replayed before an earlier payment and leak into
          // it.
          if (event.at().isBefore(previous[0])) {
            throw new IllegalArgumentException(
                "history must come in at() order: " + event.at() + " after " + previous[0]);
          }
          previous[0] = event.at();
          switch (event) {
            case HistoryEvent.Payment payment -> {
              FeatureResult result = service.featuresFor(payment.transaction());
              // In-memory stores cannot be down; an incomplete row here would be a bug, not an
              // outage.
              if (!result.complete()) {
                throw new IllegalStateException(
                    "incomplete features while replaying: " + result.degradedReason());
              }
              payments.putIfAbsent(
                  payment.transaction().transactionId(),
                  new Payment(payment.transaction().epochMillis(), result.vector().values()));
            }
            case LabelEvent label -> {
              store.recordLabel(label);
              Payment paid = payments.get(label.transactionId());
              if (paid != null) {
                paid.fraud = label.fraud();
              }
            }
          }
        });
    List<Row> rows = new ArrayList<>();
    long mature = matureBefore == null ? Long.MIN_VALUE : matureBefore.toEpochMilli();
    payments.forEach(
        (id, payment) -> {
          if (payment.fraud != null) {
            rows.add(new Row(id, payment.epochMillis, payment.features, payment.fraud));
          } else if (payment.epochMillis < mature) {
            rows.add(new Row(id, payment.epochMillis, payment.features, false));
          }
        });
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
    List<Row> rows = rows(history, matureBefore);
    try {
      out.write(String.join(",", catalogue.names()) + ",label,timestamp,transactionId\n");
      StringBuilder line = new StringBuilder();
      for (Row row : rows) {
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
        out.write(line.toString());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.size();
  }

  public FeatureCatalogue catalogue() {
    return catalogue;
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

  private static final class Payment {

    final long epochMillis;
    final double[] features;
    Boolean fraud;

    Payment(long epochMillis, double[] features) {
      this.epochMillis = epochMillis;
      this.features = features;
    }
  }
}
