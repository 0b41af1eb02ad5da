package io.fraudops.model.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * How one quantity (a feature, or the score) was distributed when the model was trained: the share
 * of rows in each bin. Bin {@code i < edges.length} holds values {@code <= edges[i]} (and above the
 * previous edge), bin {@code edges.length} the values above the last edge, and the last bin the
 * missing values (NaN), so {@code shares.length == edges.length + 2}. Missing is a bin of its own
 * because a feed that starts sending NaN is exactly the drift worth seeing.
 */
public record Bins(String name, double[] edges, double[] shares) {

  public Bins {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("bins need a name");
    }
    Objects.requireNonNull(edges, "edges");
    Objects.requireNonNull(shares, "shares");
    if (shares.length != edges.length + 2) {
      throw new IllegalArgumentException(
          name
              + ": "
              + edges.length
              + " edges need "
              + (edges.length + 2)
              + " shares, got "
              + shares.length);
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
        throw new IllegalArgumentException(name + ": edges must be finite and strictly ascending");
      }
    }
    double sum = 0;
    for (double share : shares) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(name + ": shares must be in [0, 1]");
      }
      sum += share;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException(name + ": shares must add up to 1, got " + sum);
    }
    edges = edges.clone();
    shares = shares.clone();
  }

  public int binCount() {
    return shares.length;
  }

  /** The bin a value falls in; NaN goes to the missing bin. Allocation-free. */
  public int binOf(double value) {
    if (Double.isNaN(value)) {
      return edges.length + 1;
    }
    int low = 0;
    int high = edges.length;
    while (low < high) { // first edge >= value
      int mid = (low + high) >>> 1;
      if (edges[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public double[] shares() {
    return shares.clone();
  }

  public double share(int bin) {
    return shares[bin];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bins b
        && name.equals(b.name)
        && Arrays.equals(edges, b.edges)
        && Arrays.equals(shares, b.shares);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(edges), Arrays.hashCode(shares));
  }

  @Override
  public String toString() {
    return "Bins["
        + name
        + ", edges="
        + Arrays.toString(edges)
        + ", shares="
        + Arrays.toString(shares)
        + "]";
  }
}
