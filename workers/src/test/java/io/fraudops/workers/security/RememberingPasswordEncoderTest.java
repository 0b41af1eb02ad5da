package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

  /** Real BCrypt, counted. */
  private static final class CountingBcrypt implements PasswordEncoder {
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return bcrypt.matches(raw, encoded);
    }
  }

  @Test
  void checksACorrectPasswordOnceAndAWrongOneEveryTime() {
    CountingBcrypt bcrypt = new CountingBcrypt();
    RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt);
    String hash = bcrypt.encode("s3cret");

    for (int i = 0; i < 5; i++) {
      assertThat(encoder.matches("s3cret", hash)).isTrue();
    }
    assertThat(bcrypt.checks).hasValue(1);

    for (int i = 0; i < 3; i++) {
      assertThat(encoder.matches("s3cret!", hash)).isFalse();
    }
    assertThat(bcrypt.checks).hasValue(4);

    // Another hash (the password changed in the configuration): checked afresh.
    String newHash = bcrypt.encode("other");
    assertThat(encoder.matches("s3cret", newHash)).isFalse();
    assertThat(encoder.matches("other", newHash)).isTrue();
    assertThat(encoder.matches(null, hash)).isFalse();
  }
}
