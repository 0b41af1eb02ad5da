package io.fraudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

/** The one line a failure while running is reported with. */
class FailuresTest {

  @Test
  void namesWhatFailedAndWhereButNotSpringsWrappers() {
    Exception refused =
        new BeanCreationException(
            "flyway",
            "Error creating bean with name 'flyway': Unable to obtain connection",
            new IllegalStateException(
                "Unable to obtain connection\nSQL State: 08001",
                new SQLException(
                    "Connection to 127.0.0.1:5432 refused.",
                    new ConnectException("Connection refused"))));

    assertThat(Failures.reason(refused))
        .isEqualTo("Connection to 127.0.0.1:5432 refused. (ConnectException: Connection refused)");
    assertThat(
            Failures.reason(
                new BeanCreationException(
                    "registry",
                    "Error creating bean",
                    new IllegalStateException("endpoint is not set"))))
        .isEqualTo("endpoint is not set");
    assertThat(Failures.reason(new NoSuchFileException("/tmp/x/h.csv")))
        .isEqualTo("NoSuchFileException: /tmp/x/h.csv");
    assertThat(
            Failures.reason(
                new IllegalStateException("3 instances reached no decision within PT5M")))
        .isEqualTo("3 instances reached no decision within PT5M");
    assertThat(Failures.reason(new RuntimeException("while loading", new NullPointerException())))
        .isEqualTo("while loading (java.lang.NullPointerException)");
  }
}
