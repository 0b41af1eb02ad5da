package io.fraudops.model.training;

import java.time.Instant;
import java.util.Objects;

/** Where the training period ends and the evaluation period begins. */
public sealed interface SplitRule {

  /** The earliest {@code share} of the rows (by time) train; the rest evaluate. */
  record Share(double share) implements SplitRule {

    public Share {
      if (!(share > 0 && share < 1)) {
        throw new IllegalArgumentException(
            "train share must be strictly between 0 and 1, was " + share);
      }
    }

    @Override
    public String toString() {
      return "train share " + share;
    }
  }

  /** Rows before {@code instant} train; rows at or after it evaluate. */
  record At(Instant instant) implements SplitRule {

    public At {
      Objects.requireNonNull(instant, "instant");
    }

    @Override
    public String toString() {
      return "split at " + instant;
    }
  }
}
