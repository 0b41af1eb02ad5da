package io.fraudops.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.training.PointInTimeExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.TrainingCsv;
import io.fraudops.model.training.TrainingParams;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The point-in-time export is a file the trainer reads, feature for feature. */
class ExportToTrainerTest {

  @Test
  void theTrainerReadsTheExportAndLearnsFromIt() throws Exception {
    SyntheticWorld world = SyntheticWorld.create(5, 300, 40);
    var generator =
        new TransactionGenerator(
            world, GeneratorSettings.defaults(5).withTransactionsPerSecond(300 * 3.0 / 86_400));
    StringWriter csv = new StringWriter();
    int written =
        new PointInTimeExport(FeatureCatalogue.current(), CustomerProfiles.of(world.profiles()))
            .export(generator.history().limit(30_000), csv);

    TrainingCsv.Rows rows = TrainingCsv.read(new StringReader(csv.toString()));

    assertThat(rows.dataset().size()).isEqualTo(written).isGreaterThan(500);
    assertThat(rows.dataset().featureNames())
        .containsExactlyElementsOf(FeatureCatalogue.current().names());
    assertThat(rows.timestamps()).isSorted();
    var model =
        ObliviousTreeTrainer.fit(
            rows.dataset(), TrainingParams.defaults().withIterations(30).withDepth(4));
    assertThat(model.featureNames()).containsExactlyElementsOf(FeatureCatalogue.current().names());
  }
}
