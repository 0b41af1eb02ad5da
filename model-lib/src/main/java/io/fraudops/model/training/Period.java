package io.fraudops.model.training;

import java.time.Instant;
import java.util.Objects;

/**
 * The rows of one side of a time split.
 *
 * @param first the first payment's instant
 * @param last the last payment's instant (inclusive)
 */
public record Period(Dataset data, Instant first, Instant last) {

  public Period {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "period ends (" + last + ") before it starts (" + first + ")");
    }
  }

  public int rows() {
    return data.size();
  }

  public int fraud() {
    int count = 0;
    for (int label : data.labels()) {
      count += label;
    }
    return count;
  }
}
