package io.fraudops.workers.review;

import java.util.Locale;

/**
 * An analyst's verdict on a pending review.
 *
 * @param decision APPROVE or DECLINE
 * @param comment why; kept in the decision audit
 * @param analyst who decided
 */
public record ReviewOutcome(String decision, String comment, String analyst) {

  public ReviewOutcome {
    if (decision == null) {
      throw new IllegalArgumentException("decision is required: APPROVE or DECLINE");
    }
    decision = decision.trim().toUpperCase(Locale.ROOT);
    if (!decision.equals("APPROVE") && !decision.equals("DECLINE")) {
      throw new IllegalArgumentException("decision must be APPROVE or DECLINE (got '" + decision + "')");
    }
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("comment is required: say what you checked");
    }
    if (comment.length() > 2000) {
      throw new IllegalArgumentException("comment must be at most 2000 characters");
    }
    analyst = analyst == null || analyst.isBlank() ? "analyst" : analyst.trim();
  }
}
