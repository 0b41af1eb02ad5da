package io.fraudops.model.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.TrainedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The hand-written CatBoost JSON fixture and broken variants of it; rows that probe split borders.
 */
final class Fixtures {

  static final String TINY = "models/tiny-fraud.json";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  static ObjectNode tinyJson() {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(TINY)) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture after {@code change}, written to {@code dir/name}. */
  static Path tinyVariant(Path dir, String name, Consumer<ObjectNode> change) {
    ObjectNode json = tinyJson();
    change.accept(json);
    return write(dir.resolve(name), json.toString().getBytes());
  }

  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Held-out rows plus, for every border, rows whose value sits exactly on it, one float above and
   * below it, a double that is above it but rounds onto it as a float, and missing: where a
   * double-vs-float or NaN mismatch between two implementations would show.
   */
  static List<double[]> rowsAroundBorders(Dataset holdout, TrainedModel model) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < holdout.size(); i++) {
      out.add(holdout.row(i));
    }
    Random random = new Random(5);
    for (int f = 0; f < model.featureNames().size(); f++) {
      for (float border : model.borders(f)) {
        for (double value :
            new double[] {
              border,
              Math.nextUp(border),
              border + Math.ulp(border) / 4.0,
              Math.nextDown(border),
              Double.NaN
            }) {
          double[] row = holdout.row(random.nextInt(holdout.size()));
          row[f] = value;
          out.add(row);
        }
      }
    }
    return out;
  }
}
