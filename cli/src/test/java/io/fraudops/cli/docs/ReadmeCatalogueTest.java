package io.fraudops.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's feature table is what analysts and data scientists read: it must match the code. */
class ReadmeCatalogueTest {

  @Test
  void everyFeatureOfTheCurrentCatalogueIsInTheReadmeWithItsWindow() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    for (FeatureDefinition feature : FeatureCatalogue.current().definitions()) {
      String row = "| `" + feature.name() + "` | " + feature.entity().name().toLowerCase() + " | " + feature.window() + " |";
      assertThat(lines).as("README row for " + feature.name()).anyMatch(line -> line.startsWith(row));
    }
    long rows = lines.stream().filter(line -> line.matches("\\| `[a-z0-9_]+` \\| [a-z]+ \\| .*")).count();
    assertThat(rows).as("no stale feature rows").isEqualTo(FeatureCatalogue.current().size());
  }
}
