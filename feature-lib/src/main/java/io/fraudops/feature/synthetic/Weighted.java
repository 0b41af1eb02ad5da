package io.fraudops.feature.synthetic;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Draws items with probability proportional to a weight, deterministically for a given Random. */
final class Weighted<T> {

  private final List<T> items;
  private final double[] cumulative;

  Weighted(List<T> items, ToDoubleFunction<T> weight) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("nothing to draw from");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[items.size()];
    double total = 0;
    for (int i = 0; i < items.size(); i++) {
      total += weight.applyAsDouble(items.get(i));
      cumulative[i] = total;
    }
  }

  T draw(Random random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return items.get(low);
  }
}
