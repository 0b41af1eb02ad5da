package io.fraudops.cli.backtest;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * How much a figure may grow from live to candidate before the backtest fails: a number of payments
 * ({@code 10}), or a share of the live figure ({@code 5%}).
 */
record Limit(double value, boolean relative) {

  Limit {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("a limit is a count or a percentage >= 0, e.g. 10 or 5%");
    }
  }

  static Limit parse(String text) {
    String t = text == null ? "" : text.trim();
    boolean relative = t.endsWith("%");
    String number = relative ? t.substring(0, t.length() - 1).trim() : t;
    try {
      Limit limit = new Limit(Double.parseDouble(number), relative);
      if (!relative && limit.value != Math.rint(limit.value)) {
        throw new IllegalArgumentException("a count of payments is a whole number");
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither a count nor a percentage, e.g. 10 or 5%");
    }
  }

  /** The largest increase allowed from {@code live}. */
  long allowed(long live) {
    return relative ? (long) Math.floor(live * value / 100.0 + 1e-9) : (long) value;
  }

  boolean exceeded(long live, long candidate) {
    return candidate - live > allowed(live);
  }

  @Override
  public String toString() {
    return relative ? String.format(Locale.ROOT, "%s%%", trim(value)) : trim(value);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** For picocli: a bad value is an invalid option with this message. */
  static final class Converter implements ITypeConverter<Limit> {
    @Override
    public Limit convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
