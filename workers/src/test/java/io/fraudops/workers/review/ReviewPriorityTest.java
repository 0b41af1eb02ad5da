package io.fraudops.workers.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReviewPriorityTest {

  @Test
  void theScoreWeighsMostAndTheAmountBreaksTies() {
    assertThat(ReviewPriority.of(0.5, new BigDecimal("50"))).isEqualTo(35);
    assertThat(ReviewPriority.of(0.5, new BigDecimal("1000"))).isEqualTo(45);
    assertThat(ReviewPriority.of(0.5, new BigDecimal("100000"))).isEqualTo(65);
    assertThat(ReviewPriority.of(0.9, new BigDecimal("50")))
        .isGreaterThan(ReviewPriority.of(0.5, new BigDecimal("10000")));
  }

  @Test
  void staysWithinZeroToAHundred() {
    assertThat(ReviewPriority.of(1.0, new BigDecimal("1e12"))).isEqualTo(100);
    assertThat(ReviewPriority.of(0.0, new BigDecimal("1"))).isZero();
    assertThat(ReviewPriority.of(null, null)).as("no score: a middling one").isEqualTo(35);
  }
}
