package io.fraudops.feature.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.synthetic.FraudPattern;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingSetBuilderTest {

  private static SyntheticWorld world;
  private static List<LabelledTransaction> history;
  private static TrainingSet set;

  @BeforeAll
  static void build() {
    world = SyntheticWorld.create(5, 500, 120);
    history =
        new TransactionGenerator(
                world,
                GeneratorSettings.defaults(5)
                    .withTransactionsPerSecond(500 * 3 / 86_400.0)
                    .withRates(0.04, 0.01))
            .stream().limit(15_000).toList();
    set =
        new TrainingSetBuilder(FeatureCatalogue.v1(), CustomerProfiles.of(world.profiles()))
            .build(history.stream());
  }

  private static List<LabelledTransaction> valid() {
    return history.stream().filter(LabelledTransaction::valid).toList();
  }

  @Test
  void oneRowPerValidTransactionWithItsLabelAndTime() {
    List<LabelledTransaction> valid = valid();

    assertThat(valid.size()).isLessThan(history.size());
    assertThat(set.size()).isEqualTo(valid.size());
    assertThat(set.featureNames()).isEqualTo(FeatureCatalogue.v1().names());
    assertThat(set.positives())
        .isEqualTo((int) valid.stream().filter(LabelledTransaction::fraud).count());
    assertThat(set.timestamps()[0]).isEqualTo(valid.getFirst().transaction().epochMillis());
    assertThat(
            IntStream.range(1, set.size())
                .allMatch(i -> set.timestamps()[i] >= set.timestamps()[i - 1]))
        .isTrue();
  }

  @Test
  void rowsAreWhatServingComputes() {
    FeatureService serving =
        new FeatureService(
            new InMemoryOnlineFeatureStore(),
            CustomerProfiles.of(world.profiles()),
            FeatureCatalogue.v1());
    List<LabelledTransaction> valid = valid();

    for (int i = 0; i < valid.size(); i++) {
      assertThat(serving.featuresFor(valid.get(i).transaction()).vector().values())
          .isEqualTo(set.rows()[i]);
    }
  }

  @Test
  void eachPatternLeavesATraceInTheFeatures() {
    assertThat(median("txn_count_1h", FraudPattern.CARD_TESTING)).isGreaterThanOrEqualTo(3);
    assertThat(median("txn_count_1h", FraudPattern.NONE)).isZero();
    assertThat(median("speed_from_last_kmh", FraudPattern.IMPOSSIBLE_TRAVEL)).isGreaterThan(300);
    assertThat(median("speed_from_last_kmh", FraudPattern.NONE)).isLessThan(50);
    assertThat(median("amount_to_avg_ratio", FraudPattern.ACCOUNT_TAKEOVER)).isGreaterThan(4);
    assertThat(median("amount_to_avg_ratio", FraudPattern.NONE)).isLessThan(1.5);
    assertThat(median("first_time_category", FraudPattern.UNUSUAL_CATEGORY)).isEqualTo(1);
    assertThat(median("first_time_category", FraudPattern.NONE)).isZero();
  }

  @Test
  void writesAPlainCsv() {
    StringWriter out = new StringWriter();
    set.writeCsv(out);
    String[] lines = out.toString().split("\n");

    assertThat(lines).hasSize(set.size() + 1);
    assertThat(lines[0])
        .startsWith("amount,txn_count_1h,")
        .endsWith(",is_ecommerce,label,timestamp");
    assertThat(lines[1].split(",")).hasSize(set.featureNames().size() + 2);
  }

  private static double median(String feature, FraudPattern pattern) {
    int column = set.featureNames().indexOf(feature);
    List<LabelledTransaction> valid = valid();
    double[] values =
        IntStream.range(0, valid.size())
            .filter(i -> valid.get(i).pattern() == pattern)
            .mapToDouble(i -> set.rows()[i][column])
            .sorted()
            .toArray();
    assertThat(values).as(pattern + " rows").isNotEmpty();
    return values[values.length / 2];
  }
}
