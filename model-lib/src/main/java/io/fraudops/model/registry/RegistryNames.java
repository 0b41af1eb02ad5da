package io.fraudops.model.registry;

import java.util.regex.Pattern;

/**
 * The names both adapters accept. Restricted to what is safe both as an S3 key segment and in an
 * MLflow query filter, so a model registered in one store can be registered under the same name in
 * the other. Public so a command can refuse a bad name before it spends minutes training.
 */
public final class RegistryNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private RegistryNames() {}

  public static String requireModelName(String name) {
    return require(name, "model name");
  }

  public static String requireAlias(String alias) {
    return require(alias, "alias");
  }

  private static String require(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match " + NAME + ", got '" + value + "'");
    }
    return value;
  }
}
