package io.fraudops.feature.backfill;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * How the file writes its instants ({@code timestamp} and {@code label_known_at}):
 *
 * <ul>
 *   <li>{@code iso} (the default): ISO-8601, {@code 2025-01-31T12:00:00Z} or {@code +01:00};
 *       without an offset ({@code 2025-01-31T12:00:00}) it is a local time in the zone;
 *   <li>{@code epoch-seconds}, {@code epoch-millis}: a number since 1970-01-01T00:00:00Z (seconds
 *       may have a fraction);
 *   <li>a {@link DateTimeFormatter} pattern such as {@code yyyy-MM-dd HH:mm:ss}: a local time in
 *       the zone, unless the pattern has an offset or zone of its own.
 * </ul>
 *
 * Local times are read in {@code zone}, UTC unless given; in a zone with daylight saving time the
 * skipped hour moves forward and the repeated hour takes its earlier offset (java.time's rules).
 *
 * @param name as given: {@code iso}, {@code epoch-seconds}, {@code epoch-millis} or the pattern
 * @param zone where local times are
 */
public record TimestampFormat(String name, ZoneId zone) {

  public static final String ISO = "iso";
  public static final String EPOCH_SECONDS = "epoch-seconds";
  public static final String EPOCH_MILLIS = "epoch-millis";
  public static final ZoneId UTC = ZoneId.of("UTC");
  public static final TimestampFormat DEFAULT = new TimestampFormat(ISO, UTC);

  /**
   * Epoch values of today have 10 digits in seconds and 13 in millis: more or fewer is a mix-up.
   */
  private static final int SECONDS_DIGITS_UP_TO = 11;

  public TimestampFormat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    if (!name.equals(ISO) && !name.equals(EPOCH_SECONDS) && !name.equals(EPOCH_MILLIS)) {
      pattern(name); // fails early, with the reason, on a pattern java.time cannot read
    }
  }

  /**
   * @param format null or blank for {@code iso}
   * @param zone an IANA zone id or offset; null or blank for UTC
   * @throws IllegalArgumentException naming the option to fix
   */
  public static TimestampFormat parse(String format, String zone) {
    String name = format == null || format.isBlank() ? ISO : format.strip();
    // The keywords in any case; a pattern as given (its letters are case-sensitive).
    for (String keyword : new String[] {ISO, EPOCH_SECONDS, EPOCH_MILLIS}) {
      if (keyword.equalsIgnoreCase(name)) {
        name = keyword;
      }
    }
    return new TimestampFormat(name, zone(zone));
  }

  /** This format read in another zone. */
  public TimestampFormat inZone(ZoneId other) {
    return new TimestampFormat(name, other);
  }

  /** A reader for one load; not thread-safe (it caches the formatter). */
  Reader reader() {
    return new Reader(this);
  }

  /**
   * A line for the backfill's plan, e.g. {@code timestamps: yyyy-MM-dd HH:mm:ss, local times in
   * UTC}.
   */
  public String describe() {
    return switch (name) {
      case ISO -> "ISO-8601 (" + name + "); without an offset, local time in " + zone.getId();
      case EPOCH_SECONDS -> "seconds since 1970-01-01T00:00:00Z (" + name + ")";
      case EPOCH_MILLIS -> "milliseconds since 1970-01-01T00:00:00Z (" + name + ")";
      default ->
          "pattern '"
              + name
              + "'"
              + (hasOwnOffset(pattern(name)) ? "" : ", local time in " + zone.getId());
    };
  }

  private static boolean isPattern(String name) {
    return !name.equals(ISO) && !name.equals(EPOCH_SECONDS) && !name.equals(EPOCH_MILLIS);
  }

  private static ZoneId zone(String id) {
    if (id == null || id.isBlank()) {
      return UTC;
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "unknown time zone '"
              + id.strip()
              + "': use an IANA id such as America/New_York, or UTC, or an offset such as +01:00");
    }
  }

  private static DateTimeFormatter pattern(String pattern) {
    if (pattern.isBlank()) {
      throw new IllegalArgumentException(
          "a timestamp format must not be blank: use iso, epoch-seconds,"
              + " epoch-millis or a pattern such as yyyy-MM-dd HH:mm:ss");
    }
    try {
      return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "timestamp format '"
              + pattern
              + "' is neither iso, epoch-seconds,"
              + " epoch-millis nor a valid pattern ("
              + e.getMessage()
              + ")");
    }
  }

  private static boolean hasOwnOffset(DateTimeFormatter formatter) {
    String text = formatter.toString();
    return text.contains("Offset") || text.contains("ZoneId") || text.contains("ZoneText");
  }

  /** Parses values of one format; the messages quote the value (timestamps are not sensitive). */
  static final class Reader {

    private final TimestampFormat format;
    private final DateTimeFormatter pattern;
    private final boolean ownOffset;

    private Reader(TimestampFormat format) {
      this.format = format;
      this.pattern = isPattern(format.name()) ? pattern(format.name()) : null;
      this.ownOffset = pattern != null && hasOwnOffset(pattern);
    }

    /**
     * @param column the column name, for the message
     * @throws IllegalArgumentException with a message for the bad-row report
     */
    Instant read(String column, String value) {
      return switch (format.name()) {
        case ISO -> iso(column, value);
        case EPOCH_SECONDS -> epoch(column, value, true);
        case EPOCH_MILLIS -> epoch(column, value, false);
        default -> patterned(column, value);
      };
    }

    private Instant iso(String column, String value) {
      try {
        TemporalAccessor parsed =
            DateTimeFormatter.ISO_DATE_TIME.parseBest(
                value, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset
            ? offset.toInstant()
            : ((LocalDateTime) parsed).atZone(format.zone()).toInstant();
      } catch (DateTimeException e) {
        String hint =
            value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")
                ? "; for times like this one use --timestamp-format='yyyy-MM-dd HH:mm:ss' (local time in"
                    + " --time-zone, UTC by default)"
                : value.matches("\\d{9,13}(\\.\\d+)?")
                    ? "; for numbers use --timestamp-format=epoch-seconds or epoch-millis"
                    : "";
        throw new IllegalArgumentException(
            column + " '" + value + "' is not ISO-8601 such as 2025-01-31T12:00:00Z" + hint);
      }
    }

    private Instant epoch(String column, String value, boolean seconds) {
      if (!value.matches("-?\\d{1,18}(\\.\\d{1,9})?") || (!seconds && value.contains("."))) {
        throw new IllegalArgumentException(
            column
                + " '"
                + value
                + "' is not a number of "
                + (seconds ? "seconds" : "milliseconds (a whole number)")
                + " since 1970-01-01T00:00:00Z");
      }
      int digits = value.replace("-", "").split("\\.")[0].length();
      if (seconds && digits > SECONDS_DIGITS_UP_TO) {
        throw new IllegalArgumentException(
            column
                + " '"
                + value
                + "' has "
                + digits
                + " digits: milliseconds rather than seconds? Use --timestamp-format=epoch-millis");
      }
      if (!seconds && digits <= SECONDS_DIGITS_UP_TO - 1) {
        throw new IllegalArgumentException(
            column
                + " '"
                + value
                + "' has "
                + digits
                + " digits: seconds rather than milliseconds? Use --timestamp-format=epoch-seconds");
      }
      if (!seconds) {
        return Instant.ofEpochMilli(Long.parseLong(value));
      }
      int dot = value.indexOf('.');
      if (dot < 0) {
        return Instant.ofEpochSecond(Long.parseLong(value));
      }
      String fraction = (value.substring(dot + 1) + "000000000").substring(0, 9);
      long whole = Long.parseLong(value.substring(0, dot));
      long nanos = Long.parseLong(fraction);
      return value.startsWith("-")
          ? Instant.ofEpochSecond(whole, -nanos)
          : Instant.ofEpochSecond(whole, nanos);
    }

    private Instant patterned(String column, String value) {
      try {
        if (ownOffset) {
          return pattern.parse(value, OffsetDateTime::from).toInstant();
        }
        return LocalDateTime.parse(value, pattern).atZone(format.zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            column + " '" + value + "' does not match the format '" + format.name() + "'");
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            column
                + " '"
                + value
                + "' cannot be read with the format '"
                + format.name()
                + "': "
                + e.getMessage());
      }
    }
  }
}
