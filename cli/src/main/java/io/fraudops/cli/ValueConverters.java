package io.fraudops.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read, the same for every command: whole numbers may group digits with
 * {@code _} ({@code --rows=1_000_000}), durations are written as the application writes them
 * ({@code 30d}, {@code 5m}, {@code 500ms}, or ISO-8601 {@code P30D}), instants are ISO-8601.
 */
final class ValueConverters {

  private ValueConverters() {}

  static void registerOn(CommandLine line) {
    ITypeConverter<Integer> integer =
        text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    ITypeConverter<Long> longs = text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
    line.registerConverter(Integer.class, integer);
    line.registerConverter(int.class, integer);
    line.registerConverter(Long.class, longs);
    line.registerConverter(long.class, longs);
    line.registerConverter(Duration.class, ValueConverters::duration);
    line.registerConverter(Instant.class, ValueConverters::instant);
  }

  private static long whole(String text, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new TypeConversionException(
          "'" + text + "' is out of range (" + min + ".." + max + ")");
    }
    return value;
  }

  private static Duration duration(String text) {
    try {
      return DurationStyle.detectAndParse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration like 30d, 5m, 500ms or P30D");
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not an ISO-8601 instant like 2025-03-01T00:00:00Z");
    }
  }
}
