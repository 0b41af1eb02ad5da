package io.fraudops.workers.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.fraudops.workers.process.Verdict;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /reviews/{key}}: the verdict and why, nothing else. Who decided comes
 * from authentication, so any other field (an {@code analyst} above all) is refused rather than
 * ignored: a caller who sends one expects it to count.
 */
record ReviewRequest(Verdict decision, String comment) {

  private static final Set<String> FIELDS = Set.of("decision", "comment");

  /** Fields that would name the reviewer. */
  private static final Set<String> IDENTITY_FIELDS =
      Set.of("analyst", "reviewedBy", "reviewer", "user");

  ReviewRequest {
    ReviewOutcome.requireVerdict(decision, comment);
  }

  /** Reads the JSON object field by field, so an unexpected field gets its own message. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ReviewRequest of(Map<String, Object> body) {
    for (String field : body.keySet()) {
      if (IDENTITY_FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            field
                + " is not accepted: the review is recorded under the user you authenticated as;"
                + " the body takes decision and comment only");
      }
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "unknown field '" + field + "': the body takes decision and comment only");
      }
    }
    Object decision = body.get("decision");
    Object comment = body.get("comment");
    if (comment != null && !(comment instanceof String)) {
      throw new IllegalArgumentException("comment must be text");
    }
    return new ReviewRequest(
        decision == null ? null : Verdict.of(String.valueOf(decision)), (String) comment);
  }

  ReviewOutcome by(String reviewer) {
    return new ReviewOutcome(decision, comment, reviewer);
  }
}
