package io.fraudops.cli.replay;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.synthetic.LabelledHistory;
import io.fraudops.feature.synthetic.LabelledTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Writes the history before the screened stream into the feature store, with the labels a fraud
 * team would know by its end (analysts' verdicts minutes later, chargebacks days later), so the
 * merchant and category fraud rates are served as they were learnt in training. Labels due after
 * the history ends are not known yet when screening starts, and are left out. {@code ./fraud
 * bench-e2e} uses it too.
 */
@Component
@Profile({"replay", "bench-e2e"})
public class ReplayWarmUp {

  private final FeatureService features;
  private final OnlineFeatureStore online;

  ReplayWarmUp(FeatureService features, OnlineFeatureStore online) {
    this.features = features;
    this.online = online;
  }

  /**
   * Writes the first {@code count} payments of {@code stream}; {@code say} gets the progress lines.
   */
  public void run(
      Iterator<LabelledTransaction> stream, int count, long seed, Consumer<String> say) {
    long begin = System.nanoTime();
    List<LabelledTransaction> rows = new ArrayList<>(count);
    Instant end = Instant.MIN;
    while (rows.size() < count && stream.hasNext()) {
      LabelledTransaction row = stream.next();
      rows.add(row);
      if (row.transaction() != null && row.transaction().timestamp().isAfter(end)) {
        end = row.transaction().timestamp();
      }
    }
    int payments = 0;
    int labels = 0;
    Iterator<HistoryEvent> events = LabelledHistory.of(rows.stream(), seed).iterator();
    while (events.hasNext()) {
      HistoryEvent event = events.next();
      if (event.at().isAfter(end)) {
        break;
      }
      switch (event) {
        case HistoryEvent.Payment payment -> {
          features.featuresFor(payment.transaction());
          if (++payments % 10_000 == 0) {
            say.accept(
                String.format(
                    "warm-up: %,d / %,d payments written to the feature store", payments, count));
          }
        }
        case LabelEvent label -> {
          online.recordLabel(label);
          labels++;
        }
      }
    }
    say.accept(
        String.format(
            "warm-up: %,d payments and %,d labels of history in the feature store (%.1f s)",
            payments, labels, (System.nanoTime() - begin) / 1e9));
  }
}
