package io.fraudops.workers.review;

import java.math.BigDecimal;

/**
 * A review's priority, 0 (least urgent) to 100, as Tasklist sorts it and the local inbox too:
 * mostly the score (up to 70), then the amount at stake (up to 30, ten points per factor of ten
 * above 100). A review without a score (the model was down) counts as a middling 0.5.
 */
public final class ReviewPriority {

  private ReviewPriority() {}

  public static int of(Double score, BigDecimal amount) {
    double risk = score == null || score.isNaN() ? 0.5 : Math.clamp(score, 0.0, 1.0);
    double stake = 0;
    if (amount != null && amount.signum() > 0) {
      stake = Math.clamp(10 * Math.log10(amount.doubleValue() / 100.0), 0.0, 30.0);
    }
    return (int) Math.round(Math.clamp(risk * 70 + stake, 0.0, 100.0));
  }
}
