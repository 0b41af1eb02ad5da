package io.fraudops.cli.backfill;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} options and {@code --flag} switches of the offline commands. */
public final class CommandLine {

  private final Map<String, String> values;

  private CommandLine(Map<String, String> values) {
    this.values = values;
  }

  /** @throws IllegalArgumentException for an option not in {@code known} */
  public static CommandLine parse(String[] args, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      String[] kv = arg.substring(2).split("=", 2);
      if (!known.contains(kv[0])) {
        throw new IllegalArgumentException("unknown option --" + kv[0] + "; known: " + known);
      }
      values.put(kv[0], kv.length == 2 ? kv[1] : "true");
    }
    return new CommandLine(values);
  }

  public String get(String name, String fallback) {
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public String required(String name) {
    String value = get(name, null);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + "=... is required");
    }
    return value;
  }

  public int integer(String name, int fallback) {
    return Integer.parseInt(get(name, Integer.toString(fallback)).replace("_", ""));
  }

  public double decimal(String name, double fallback) {
    return Double.parseDouble(get(name, Double.toString(fallback)));
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(get(name, "false"));
  }

  public boolean has(String name) {
    return get(name, null) != null;
  }
}
