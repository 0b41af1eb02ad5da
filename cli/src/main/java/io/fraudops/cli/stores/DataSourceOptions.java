package io.fraudops.cli.stores;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL to use, named as the application names it. Unset, a command starts an embedded
 * PostgreSQL instead. URL and password are never shown as defaults: taken from the environment,
 * they may hold a secret.
 */
public final class DataSourceOptions {

  @Option(
      names = "--spring.datasource.url",
      paramLabel = "<jdbc-url>",
      showDefaultValue = Visibility.NEVER,
      description =
          "PostgreSQL, e.g. jdbc:postgresql://db:5432/fraud (env SPRING_DATASOURCE_URL). Default: an"
              + " embedded PostgreSQL.")
  String url;

  @Option(
      names = "--spring.datasource.username",
      paramLabel = "<user>",
      description = "Its user (env SPRING_DATASOURCE_USERNAME).")
  String username;

  @Option(
      names = "--spring.datasource.password",
      paramLabel = "<password>",
      showDefaultValue = Visibility.NEVER,
      description = "Its password (env SPRING_DATASOURCE_PASSWORD).")
  String password;

  /** Null when an embedded PostgreSQL is wanted. */
  public String url() {
    return url == null || url.isBlank() ? null : url;
  }

  public String username() {
    return username == null || username.isBlank() ? null : username;
  }

  /** An empty password is a real value for some setups; only an absent one means "none". */
  public String password() {
    return password;
  }
}
