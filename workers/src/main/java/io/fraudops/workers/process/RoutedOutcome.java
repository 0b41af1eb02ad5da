package io.fraudops.workers.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * Where the decision table sent a payment. Risk owners edit the table, so an outcome the process
 * does not know is kept as {@link #OTHER} (the process routes it to review), never a failed job.
 */
public enum RoutedOutcome {
  APPROVE,
  DECLINE,
  REVIEW,
  OTHER;

  @JsonCreator
  public static RoutedOutcome of(String value) {
    if (value == null) {
      return OTHER;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return OTHER;
    }
  }
}
