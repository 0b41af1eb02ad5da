package io.fraudops.workers.review;

import io.fraudops.workers.process.Verdict;

/**
 * An analyst's verdict on a pending review.
 *
 * @param decision the verdict
 * @param comment why; kept in the decision audit
 * @param reviewedBy who decided: the authenticated caller, never a name the request body chose
 */
public record ReviewOutcome(Verdict decision, String comment, String reviewedBy) {

  public ReviewOutcome {
    requireVerdict(decision, comment);
    if (reviewedBy == null || reviewedBy.isBlank()) {
      throw new IllegalArgumentException(
          "reviewedBy is required: the authenticated analyst who decided");
    }
  }

  static void requireVerdict(Verdict decision, String comment) {
    if (decision == null) {
      throw new IllegalArgumentException("decision is required: APPROVE or DECLINE");
    }
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("comment is required: say what you checked");
    }
    if (comment.length() > 2000) {
      throw new IllegalArgumentException("comment must be at most 2000 characters");
    }
  }
}
