package io.fraudops.workers.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a review may wait ({@code fraud.review.sla}).
 *
 * @param escalateAfter an untouched review also goes to {@code escalationGroup} after this long; a
 *     rule of the decision table may ask for less or more in its Escalate-after column
 * @param deadline a review nobody decided after this long expires: the payment is declined with
 *     rule REVIEW_EXPIRED (never approved: an expired review proves nothing about the payment)
 * @param escalationGroup the second group of analysts, added to the review's candidate groups
 */
@ConfigurationProperties("fraud.review.sla")
public record ReviewSlaProperties(
    @DefaultValue("4h") Duration escalateAfter,
    @DefaultValue("24h") Duration deadline,
    @DefaultValue("fraud-senior-analysts") String escalationGroup) {

  public ReviewSlaProperties {
    if (escalateAfter.isNegative() || escalateAfter.isZero()) {
      throw new IllegalArgumentException(
          "fraud.review.sla.escalate-after must be positive (got " + escalateAfter + ")");
    }
    if (deadline.compareTo(escalateAfter) <= 0) {
      throw new IllegalArgumentException(
          "fraud.review.sla.deadline ("
              + deadline
              + ") must be longer than fraud.review.sla.escalate-after ("
              + escalateAfter
              + "), or the review expires before anyone else sees it");
    }
    if (escalationGroup == null || escalationGroup.isBlank()) {
      throw new IllegalArgumentException(
          "fraud.review.sla.escalation-group must name a group of analysts");
    }
  }
}
