package io.fraudops.model.training;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Per-feature split borders from quantiles of the training data, and binning against them.
 *
 * <p>CatBoost reads features and borders as float and splits on {@code x > border}. Borders are
 * therefore float values, and values are rounded to float before comparing: our trainer and
 * catboost4j then take the same side of every split, bit for bit, and parity does not depend on
 * luck near a border.
 */
public final class Quantizer {

  private Quantizer() {}

  /**
   * Borders for every feature of {@code data}; a feature with fewer than two distinct values gets
   * none.
   */
  public static float[][] borders(Dataset data, int maxBorders) {
    float[][] out = new float[data.featureCount()][];
    for (int f = 0; f < out.length; f++) {
      out[f] = borders(data.column(f), maxBorders);
    }
    return out;
  }

  /**
   * Sorted, unique, finite float borders; each lies between two distinct observed values. A feature
   * with few distinct values gets a border between every pair, so a rare value is never lost to the
   * quantiles.
   */
  public static float[] borders(double[] column, int maxBorders) {
    if (maxBorders < 1) {
      throw new IllegalArgumentException("maxBorders must be >= 1");
    }
    float[] values = new float[column.length];
    int n = 0;
    for (double v : column) {
      if (!Double.isNaN(v)) {
        values[n++] = (float) v;
      }
    }
    values = Arrays.copyOf(values, n);
    Arrays.sort(values);
    TreeSet<Float> borders = new TreeSet<>();
    if (distinctValues(values) <= maxBorders + 1) {
      for (int i = 0, next; i < n && (next = firstGreater(values, values[i])) < n; i = next) {
        borders.add(between(values[i], values[next]));
      }
    } else {
      for (int k = 1; k <= maxBorders; k++) {
        // The value at the k-th of (maxBorders + 1) quantiles, split from the next larger value.
        float low = values[(int) ((long) k * n / (maxBorders + 1))];
        int next = firstGreater(values, low);
        if (next < n) {
          borders.add(between(low, values[next]));
        }
      }
    }
    float[] out = new float[borders.size()];
    int i = 0;
    for (float border : borders) {
      out[i++] = border;
    }
    return out;
  }

  /**
   * The bin of {@code value}: how many borders it is strictly greater than. Split (feature, border
   * b) is true exactly when {@code bin > b}. NaN compares false with everything, so it lands in bin
   * 0 (AsIs).
   */
  public static int bin(float[] borders, double value) {
    float x = (float) value;
    int lo = 0;
    int hi = borders.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (borders[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Column-major bins, one byte per value (at most 255 bins, hence the 254-border limit). */
  static byte[][] binColumns(Dataset data, float[][] borders) {
    byte[][] bins = new byte[data.featureCount()][data.size()];
    for (int f = 0; f < bins.length; f++) {
      for (int i = 0; i < data.size(); i++) {
        bins[f][i] = (byte) bin(borders[f], data.value(i, f));
      }
    }
    return bins;
  }

  private static int firstGreater(float[] sorted, float value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The midpoint as a float if it falls in [low, high), else low: any such border separates the
   * two.
   */
  private static float between(float low, float high) {
    float mid = (float) (((double) low + high) / 2);
    float border = mid >= low && mid < high ? mid : low;
    return border == 0.0f ? 0.0f : border; // no -0.0: it would sort apart from 0.0 yet equal it
  }

  private static int distinctValues(float[] sorted) {
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] > sorted[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }
}
