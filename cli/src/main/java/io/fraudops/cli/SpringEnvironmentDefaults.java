package io.fraudops.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of the options named like Spring properties ({@code --fraud.redis.url}), read where the
 * application would read them: a Java system property of that name, else the environment variable
 * Spring maps it to ({@code FRAUD_REDIS_URL}; {@code fraud.redis.key-prefix} is {@code
 * FRAUD_REDIS_KEYPREFIX}, or the older {@code FRAUD_REDIS_KEY_PREFIX}). So a shell set up for the
 * application is set up for the tools, and nothing needs a second name. Other options keep their
 * declared defaults.
 */
public final class SpringEnvironmentDefaults implements IDefaultValueProvider {

  private final UnaryOperator<String> systemProperties;
  private final Map<String, String> environment;

  public SpringEnvironmentDefaults(
      UnaryOperator<String> systemProperties, Map<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = Map.copyOf(environment);
  }

  public static SpringEnvironmentDefaults ofThisProcess() {
    return new SpringEnvironmentDefaults(System::getProperty, System.getenv());
  }

  /** Only the declared defaults: what the help shows on any machine (the generated docs use it). */
  public static SpringEnvironmentDefaults none() {
    return new SpringEnvironmentDefaults(name -> null, Map.of());
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)) {
      return null;
    }
    String property = property(option);
    if (property == null) {
      return null;
    }
    String value = systemProperties.apply(property);
    if (value != null) {
      return value;
    }
    for (String variable : environmentVariables(property)) {
      value = environment.get(variable);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * {@code fraud.redis.url} for {@code --fraud.redis.url}; null for a tool's own option ({@code
   * --file}).
   */
  static String property(OptionSpec option) {
    String name = option.longestName();
    return name.startsWith("--") && name.indexOf('.') > 2 ? name.substring(2) : null;
  }

  /**
   * Spring Boot's mapping: dots become underscores, dashes go (or, the older form, become
   * underscores).
   */
  static List<String> environmentVariables(String property) {
    String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
    return List.of(upper.replace("-", ""), upper.replace('-', '_')).stream().distinct().toList();
  }
}
