package io.fraudops.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue page is what analysts and data scientists read: its feature table must match the
 * code.
 */
class FeatureCatalogueDocTest {

  private static final Path PAGE = Path.of("..", "docs", "feature-catalogue.md");

  @Test
  void everyFeatureOfTheCurrentCatalogueIsOnTheCataloguePageWithItsWindow() throws IOException {
    List<String> lines = Files.readAllLines(PAGE);
    for (FeatureDefinition feature : FeatureCatalogue.current().definitions()) {
      String row =
          "| `"
              + feature.name()
              + "` | "
              + feature.entity().name().toLowerCase()
              + " | "
              + feature.window()
              + " |";
      assertThat(lines)
          .as(PAGE + " row for " + feature.name())
          .anyMatch(line -> line.startsWith(row));
    }
    long rows =
        lines.stream().filter(line -> line.matches("\\| `[a-z0-9_]+` \\| [a-z]+ \\| .*")).count();
    assertThat(rows)
        .as("no stale feature rows in " + PAGE)
        .isEqualTo(FeatureCatalogue.current().size());
  }
}
