package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizerTest {

  @Test
  void bordersAreSortedUniqueBoundedAndSeparateObservedValues() {
    Random random = new Random(1);
    double[] column = new double[5_000];
    for (int i = 0; i < column.length; i++) {
      column[i] = i % 10 == 0 ? Double.NaN : Math.round(random.nextGaussian() * 1000) / 7.0;
    }

    float[] borders = Quantizer.borders(column, 32);

    assertThat(borders).hasSizeBetween(20, 32);
    for (int b = 1; b < borders.length; b++) {
      assertThat(borders[b]).isGreaterThan(borders[b - 1]);
    }
    for (float border : borders) {
      assertThat(Arrays.stream(column).anyMatch(v -> (float) v <= border)).isTrue();
      assertThat(Arrays.stream(column).anyMatch(v -> (float) v > border)).isTrue();
    }
  }

  @Test
  void aRareValueStillGetsItsBorder() {
    double[] column = new double[1_000];
    Arrays.fill(column, 1.0);
    column[17] = 0.0;

    assertThat(Quantizer.borders(column, 32)).containsExactly(0.5f);
  }

  @Test
  void constantOrMissingFeaturesGetNoBorders() {
    assertThat(Quantizer.borders(new double[] {3, 3, 3, Double.NaN}, 8)).isEmpty();
    assertThat(Quantizer.borders(new double[] {Double.NaN, Double.NaN}, 8)).isEmpty();
  }

  @Test
  void adjacentFloatsAreSeparatedByTheLowerOne() {
    float low = 0.1f;
    float high = Math.nextUp(low);

    assertThat(Quantizer.borders(new double[] {low, high, low}, 4)).containsExactly(low);
  }

  @Test
  void binCountsBordersStrictlyBelowTheFloatValue() {
    float[] borders = {-1f, 0.1f, 2.5f};

    assertThat(Quantizer.bin(borders, -5)).isZero();
    assertThat(Quantizer.bin(borders, -1)).isZero(); // equal: false side
    assertThat(Quantizer.bin(borders, 0.1f)).isEqualTo(1);
    // Above the border as a double, equal once rounded to float as CatBoost reads it: false side.
    assertThat(Quantizer.bin(borders, (double) 0.1f + 1e-12)).isEqualTo(1);
    assertThat(Quantizer.bin(borders, Math.nextUp(0.1f))).isEqualTo(2);
    assertThat(Quantizer.bin(borders, 1e9)).isEqualTo(3);
    assertThat(Quantizer.bin(borders, Double.NaN)).isZero(); // AsIs: false for every split
  }
}
