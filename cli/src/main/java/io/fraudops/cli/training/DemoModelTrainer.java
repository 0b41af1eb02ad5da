package io.fraudops.cli.training;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledHistory;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.training.TrainingSet;
import io.fraudops.feature.training.TrainingSetBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Trains the bundled demo model: a synthetic labelled history (its own seed, so the replay's stream
 * is unseen data) is turned into features by the serving code path, split by time, and fitted with
 * model-lib's oblivious-tree trainer. Writes CatBoost's JSON format, which the workers load like
 * any model exported from Python.
 *
 * <p>Run by {@code ./fraud train-demo-model} ({@link TrainDemoModelCommand}).
 */
public final class DemoModelTrainer {

  private DemoModelTrainer() {}

  /**
   * The synthetic history with the labels a fraud team would learn (analysts' verdicts,
   * chargebacks), as features computed by the serving code path at each payment: the fraud-rate
   * features see only labels known before it, as in serving.
   */
  public static TrainingSet history(DemoTrainingOptions options) {
    SyntheticWorld world =
        SyntheticWorld.create(options.seed(), options.customers(), options.merchants());
    Map<String, CustomerProfile> profiles =
        world.profiles().stream()
            .collect(Collectors.toMap(CustomerProfile::customerId, Function.identity()));
    GeneratorSettings settings =
        GeneratorSettings.defaults(options.seed())
            .withRates(GeneratorSettings.DEFAULT_FRAUD_RATE, 0.0);
    GeneratorSettings paced =
        new GeneratorSettings(
            settings.seed(),
            settings.start(),
            settings.fraudRate(),
            settings.invalidRate(),
            options.customers() * 3.0 / 86_400);
    Stream<HistoryEvent> history =
        LabelledHistory.of(
            new TransactionGenerator(world, paced).stream().limit(options.transactions()),
            options.seed());
    // Every synthetic fraud gets a chargeback, so a payment without a label is legitimate: all are
    // rows.
    return new TrainingSetBuilder(
            FeatureCatalogue.current(), id -> Optional.ofNullable(profiles.get(id)))
        .buildFromHistory(history, Instant.ofEpochMilli(Long.MAX_VALUE));
  }
}
