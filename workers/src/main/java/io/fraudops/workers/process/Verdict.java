package io.fraudops.workers.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** An analyst's verdict on a reviewed payment ({@code reviewDecision}). */
public enum Verdict {
  APPROVE,
  DECLINE;

  /**
   * Accepts any letter case and surrounding blanks; anything else is refused with what is allowed.
   */
  @JsonCreator
  public static Verdict of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("decision is required: APPROVE or DECLINE");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "decision must be APPROVE or DECLINE (got '" + value + "')");
    }
  }

  public FinalOutcome outcome() {
    return this == APPROVE ? FinalOutcome.APPROVED : FinalOutcome.DECLINED;
  }
}
