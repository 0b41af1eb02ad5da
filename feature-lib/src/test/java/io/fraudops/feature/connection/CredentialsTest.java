package io.fraudops.feature.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "redis://user:s3cret@redis:6379|redis://user:***@redis:6379",
        "rediss://s3cret@redis:6380|rediss://***@redis:6380",
        "redis://redis:6379|redis://redis:6379",
        "jdbc:postgresql://db:5432/fraud?user=fraud&password=s3cret|jdbc:postgresql://db:5432/fraud?user=fraud&password=***",
        "jdbc:postgresql://fraud:s3cret@db:5432/fraud|jdbc:postgresql://fraud:***@db:5432/fraud",
        "http://minio:9000/models/a@b|http://minio:9000/models/a@b",
      })
  void noPasswordSurvives(String url, String shown) {
    assertThat(Credentials.redact(url)).isEqualTo(shown).doesNotContain("s3cret");
  }

  @Test
  void aUrlThatIsNotRedisIsRefusedWithoutShowingItsPassword() {
    assertThatThrownBy(
            () -> RedisConnections.pooled("http://u:s3cret@host:1", Duration.ofSeconds(1)))
        .hasMessageContaining("redis://")
        .hasMessageNotContaining("s3cret");
  }
}
