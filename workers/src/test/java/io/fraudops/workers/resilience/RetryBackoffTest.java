package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void growsByTheMultiplierUpToTheMaximum() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(20));

    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void refusesAConfigurationThatCannotBackOff() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, 2.0, Duration.ofSeconds(1)))
        .hasMessageContaining("fraud.jobs.retry-backoff.initial must be positive");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
        .hasMessageContaining("multiplier must be at least 1");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1)))
        .hasMessageContaining("max must be at least the initial backoff");
  }
}
