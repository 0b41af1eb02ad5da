package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfiguredUserTest {

  private static final String HASH = "$2a$04$QxlkyDgvkw6IOC3WAAg0LutEGa9LvwBUixDIXO2d7OozA2AyFJrQC";

  @Test
  void takesABcryptHashWithOrWithoutItsPrefix() {
    assertThat(new ConfiguredUser("ana", HASH, List.of(Role.ANALYST)).passwordHash())
        .isEqualTo(HASH);
    assertThat(new ConfiguredUser("ana", "{bcrypt}" + HASH, List.of(Role.ANALYST)).passwordHash())
        .isEqualTo(HASH);
    // htpasswd writes $2y$
    assertThat(
            new ConfiguredUser("ana", "$2y$" + HASH.substring(4), List.of(Role.ANALYST))
                .passwordHash())
        .startsWith("$2y$");
  }

  @Test
  void refusesAClearPasswordWithoutRepeatingIt() {
    assertThatThrownBy(() -> new ConfiguredUser("ana", "hunter2", List.of(Role.ANALYST)))
        .hasMessageStartingWith(
            "fraud.security.users: the password-hash of user 'ana' is not a BCrypt hash; configure the hash only")
        .message()
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> new ConfiguredUser("ana", "{noop}secret", List.of(Role.ANALYST)))
        .hasMessageContaining("not a BCrypt hash");
  }

  @Test
  void refusesAUserWithoutNameOrRoles() {
    assertThatThrownBy(() -> new ConfiguredUser(" ", HASH, List.of(Role.ANALYST)))
        .hasMessage("fraud.security.users: every user needs a name");
    assertThatThrownBy(() -> new ConfiguredUser("a:b", HASH, List.of(Role.ANALYST)))
        .hasMessageContaining("without ':'");
    assertThatThrownBy(() -> new ConfiguredUser("ana", HASH, List.of()))
        .hasMessage(
            "fraud.security.users: user 'ana' needs at least one role (SCREEN, ANALYST, RISK)");
    assertThatThrownBy(
            () ->
                new ApiSecurityProperties(
                    List.of(
                        new ConfiguredUser("ana", HASH, List.of(Role.ANALYST)),
                        new ConfiguredUser("ana", HASH, List.of(Role.RISK))),
                    null))
        .hasMessage("fraud.security.users: user 'ana' is configured twice");
  }

  @Test
  void neverPrintsTheHash() {
    assertThat(new ConfiguredUser("ana", HASH, List.of(Role.ANALYST)).toString())
        .isEqualTo("ana [ANALYST]");
  }
}
