package io.fraudops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class LocalCredentialsTest {

  @TempDir Path dir;

  @Test
  void generatesThreeUsersOnceInAnOwnerOnlyFileAndReusesThem() throws Exception {
    Path file = dir.resolve(".data/local-credentials.properties");

    LocalCredentials first = LocalCredentials.loadOrCreate(file);
    assertThat(first.created()).isTrue();
    assertThat(first.users())
        .extracting(LocalCredentials.User::name)
        .containsExactly("payment-system", "analyst", "risk-owner");
    assertThat(first.users())
        .extracting(LocalCredentials.User::roles)
        .containsExactly("SCREEN", "ANALYST", "RISK");
    assertThat(first.users()).allSatisfy(user -> assertThat(user.password()).hasSize(24));
    assertThat(first.users().get(0).password()).isNotEqualTo(first.users().get(1).password());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.banner(8180))
        .contains(file.toAbsolutePath().toString())
        .contains("curl -u analyst:" + first.users().get(1).password() + " localhost:8180/reviews");

    LocalCredentials again = LocalCredentials.loadOrCreate(file);
    assertThat(again.created()).isFalse();
    assertThat(again.users()).containsExactlyElementsOf(first.users());
  }

  @Test
  void handsTheApplicationBcryptHashesNeverThePasswords() {
    LocalCredentials credentials = LocalCredentials.loadOrCreate(dir.resolve("creds.properties"));
    Map<String, Object> props = credentials.properties();

    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    for (int i = 0; i < 3; i++) {
      LocalCredentials.User user = credentials.users().get(i);
      String prefix = "fraud.security.users[" + i + "].";
      assertThat(props)
          .containsEntry(prefix + "name", user.name())
          .containsEntry(prefix + "roles", user.roles());
      assertThat(bcrypt.matches(user.password(), (String) props.get(prefix + "password-hash")))
          .isTrue();
    }
    assertThat(props.values())
        .noneMatch(value -> credentials.users().stream().anyMatch(u -> u.password().equals(value)));
  }

  @Test
  void tightensAFileOthersCouldReadAndReadsEditedUsers() throws Exception {
    Path file = dir.resolve("creds.properties");
    Files.writeString(file, "ana.password=correct-horse\nana.roles=ANALYST\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    LocalCredentials credentials = LocalCredentials.loadOrCreate(file);

    assertThat(credentials.users())
        .containsExactly(new LocalCredentials.User("ana", "correct-horse", "ANALYST"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void saysWhatIsWrongWithABrokenFile() throws Exception {
    Path file = dir.resolve("creds.properties");
    Files.writeString(file, "ana.password=x\n");
    assertThatThrownBy(() -> LocalCredentials.loadOrCreate(file))
        .hasMessageContaining("user 'ana' needs ana.password and ana.roles")
        .hasMessageContaining("delete the file to generate new users");
  }

  @Test
  void theLocalRuntimeConfiguresTheUsersOnlyForAnHttpServerWithoutConfiguredAuthentication() {
    Path file = dir.resolve("local-credentials.properties");

    StandardEnvironment served =
        environment(Map.of("fraud.embedded.credentials-file", file.toString()));
    runtime().postProcessEnvironment(served, application(WebApplicationType.SERVLET));
    assertThat(served.getProperty("fraud.security.users[1].name")).isEqualTo("analyst");
    assertThat(served.getProperty("fraud.security.users[1].password-hash")).startsWith("$2a$");
    assertThat(file).exists();

    StandardEnvironment replay =
        environment(Map.of("fraud.embedded.credentials-file", dir.resolve("other").toString()));
    runtime().postProcessEnvironment(replay, application(WebApplicationType.NONE));
    assertThat(replay.getProperty("fraud.security.users[0].name")).isNull();

    StandardEnvironment withJwt =
        environment(
            Map.of(
                "fraud.embedded.credentials-file",
                dir.resolve("other").toString(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "https://idp.example/realms/camunda"));
    runtime().postProcessEnvironment(withJwt, application(WebApplicationType.SERVLET));
    assertThat(withJwt.getProperty("fraud.security.users[0].name")).isNull();
    assertThat(dir.resolve("other")).doesNotExist();
  }

  @Test
  void keepsTheFileBesideTheLocalDatabase() {
    assertThat(LocalRuntime.credentialsBeside(Path.of(".data/postgres")))
        .isEqualTo(Path.of(".data/local-credentials.properties"));
    assertThat(LocalRuntime.credentialsBeside(Path.of("pg")))
        .isEqualTo(Path.of("./local-credentials.properties"));
  }

  /** Every other stand-in switched off: their endpoints are "configured". */
  private static StandardEnvironment environment(Map<String, Object> extra) {
    StandardEnvironment env = new StandardEnvironment();
    Map<String, Object> props = new java.util.HashMap<>(extra);
    props.put("fraud.embedded.zeebe.enabled", "false");
    props.put("spring.datasource.url", "jdbc:postgresql://db.invalid/fraud");
    props.put("fraud.redis.url", "redis://redis.invalid:6379");
    env.getPropertySources().addFirst(new MapPropertySource("test", props));
    return env;
  }

  private static SpringApplication application(WebApplicationType type) {
    SpringApplication app = new SpringApplication(Object.class);
    app.setWebApplicationType(type);
    return app;
  }

  private static LocalRuntime runtime() {
    DeferredLogFactory logs = destination -> destination.get();
    return new LocalRuntime(logs);
  }
}
