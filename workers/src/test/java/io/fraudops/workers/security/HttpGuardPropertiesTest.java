package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class HttpGuardPropertiesTest {

  @Test
  void keepsOriginsAsBrowsersSendThem() {
    var guards =
        new HttpGuardProperties(
            DataSize.ofKilobytes(64),
            List.of("HTTPS://Review.Example.com/", "http://localhost:3000"));
    assertThat(guards.allowedOrigins())
        .containsExactly("https://review.example.com", "http://localhost:3000");
  }

  @Test
  void refusesWhatIsNotAnOrigin() {
    for (String notAnOrigin :
        List.of("review.example.com", "https://review.example.com/app", "*", "https://user@host")) {
      assertThatThrownBy(
              () -> new HttpGuardProperties(DataSize.ofKilobytes(64), List.of(notAnOrigin)))
          .as(notAnOrigin)
          .hasMessage(
              "fraud.http.allowed-origins: '"
                  + notAnOrigin
                  + "' is not an origin; write scheme://host[:port], e.g. https://review.example.com");
    }
    assertThatThrownBy(() -> new HttpGuardProperties(DataSize.ofBytes(0), null))
        .hasMessageStartingWith("fraud.http.max-request-size must be positive");
  }

  @Test
  void recognisesJsonContentTypes() {
    assertThat(JsonOnlyStateChanges.isJson("application/json")).isTrue();
    assertThat(JsonOnlyStateChanges.isJson("application/json;charset=UTF-8")).isTrue();
    assertThat(JsonOnlyStateChanges.isJson("application/merge-patch+json")).isTrue();
    assertThat(JsonOnlyStateChanges.isJson("text/plain")).isFalse();
    assertThat(JsonOnlyStateChanges.isJson("application/x-www-form-urlencoded")).isFalse();
    assertThat(JsonOnlyStateChanges.isJson("multipart/form-data; boundary=x")).isFalse();
    assertThat(JsonOnlyStateChanges.isJson("application/*")).isFalse();
    assertThat(JsonOnlyStateChanges.isJson("nonsense")).isFalse();
    assertThat(JsonOnlyStateChanges.isJson(null)).isFalse();
  }
}
