package io.fraudops.feature.backfill;

import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A synthetic history file in one of the {@link HistoryFormat}s, to try and measure the backfill
 * and the export at the size of real data: {@code ./fraud generate-history --format=kaggle
 * --rows=1700000} writes two years of about 1,000 cards with 0.55 % fraud, the shape of the public
 * card-fraud datasets.
 */
public final class SyntheticHistoryFile {

  private SyntheticHistoryFile() {}

  /**
   * @param customers each pays about as often as {@code rows / customers / span} says
   * @param fraudRate share of rows that are fraud
   * @param invalidRate share of malformed payloads (native format only)
   * @param csvDefectRate share of rows broken at the file level (and, in the Kaggle format,
   *     duplicate ids)
   * @param start simulated time of the first payment
   * @param span simulated time the rows cover, roughly
   */
  public record Settings(
      HistoryFormat format,
      int rows,
      long seed,
      int customers,
      int merchants,
      double fraudRate,
      double invalidRate,
      double csvDefectRate,
      Instant start,
      Duration span) {

    public static final Instant KAGGLE_START = Instant.parse("2019-01-01T00:00:00Z");
    public static final Duration KAGGLE_SPAN = Duration.ofDays(730);

    /** Cards per row in the public datasets: about 1,000 cards for 1.7 M rows. */
    static final int KAGGLE_ROWS_PER_CUSTOMER = 1_700;

    public static final double KAGGLE_FRAUD_RATE = 0.0055;

    public Settings {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(span, "span");
      if (rows < 1 || customers < 1) {
        throw new IllegalArgumentException("rows and customers must be at least 1");
      }
      if (merchants < SyntheticWorld.MIN_MERCHANTS) {
        throw new IllegalArgumentException(
            "merchants must be at least "
                + SyntheticWorld.MIN_MERCHANTS
                + " (got "
                + merchants
                + ")");
      }
      if (span.isNegative() || span.isZero()) {
        throw new IllegalArgumentException("the span must be positive (got " + span + ")");
      }
      if (start.plus(span).isAfter(Instant.now())) {
        throw new IllegalArgumentException(
            "the history would end in the future ("
                + start.plus(span)
                + "): payments from the future are refused by the backfill; start earlier");
      }
      if (!(csvDefectRate >= 0 && csvDefectRate <= 0.5)) {
        throw new IllegalArgumentException(
            "csvDefectRate must be between 0 and 0.5 (got " + csvDefectRate + ")");
      }
      // The generator's own checks (fraud and invalid rates), now rather than once the file is
      // open.
      generator(seed, start, fraudRate, invalidRate, rows, span);
    }

    GeneratorSettings generator() {
      return generator(seed, start, fraudRate, invalidRate, rows, span);
    }

    private static GeneratorSettings generator(
        long seed, Instant start, double fraudRate, double invalidRate, int rows, Duration span) {
      return new GeneratorSettings(
          seed, start, fraudRate, invalidRate, rows / (span.toMillis() / 1000.0));
    }

    /**
     * The defaults of a format: native as before (a customer per 50 rows, about 3 payments a day
     * each, 2 % fraud); Kaggle two years from 2019-01-01, a card per 1,700 rows, 700 merchants,
     * 0.55 % fraud.
     */
    public static Settings defaults(HistoryFormat format, int rows, long seed) {
      if (format == HistoryFormat.KAGGLE) {
        return new Settings(
            format,
            rows,
            seed,
            Math.max(100, rows / KAGGLE_ROWS_PER_CUSTOMER),
            700,
            KAGGLE_FRAUD_RATE,
            0,
            0.001,
            KAGGLE_START,
            KAGGLE_SPAN);
      }
      int customers = Math.max(500, rows / 50);
      return new Settings(
          format,
          rows,
          seed,
          customers,
          500,
          GeneratorSettings.DEFAULT_FRAUD_RATE,
          0.002,
          0.001,
          GeneratorSettings.DEFAULT_START,
          nativeSpan(rows, customers));
    }

    // About 3 payments per customer and day, as the native generator always did.
    private static Duration nativeSpan(int rows, int customers) {
      return Duration.ofMillis(Math.max(1, Math.round(rows / (customers * 3.0 / 86_400) * 1000)));
    }

    public Settings withCustomers(int value) {
      Duration newSpan = format == HistoryFormat.NATIVE ? nativeSpan(rows, value) : span;
      return new Settings(
          format,
          rows,
          seed,
          value,
          merchants,
          fraudRate,
          invalidRate,
          csvDefectRate,
          start,
          newSpan);
    }

    public Settings withMerchants(int value) {
      return new Settings(
          format, rows, seed, customers, value, fraudRate, invalidRate, csvDefectRate, start, span);
    }

    public Settings withRates(double fraud, double invalid, double csvDefects) {
      return new Settings(
          format, rows, seed, customers, merchants, fraud, invalid, csvDefects, start, span);
    }

    public Settings withPeriod(Instant from, Duration length) {
      return new Settings(
          format,
          rows,
          seed,
          customers,
          merchants,
          fraudRate,
          invalidRate,
          csvDefectRate,
          from,
          length);
    }
  }

  /** Writes the file; the caller closes {@code out}. */
  public static HistoryCsvWriter.Written write(Settings settings, Writer out) {
    SyntheticWorld world =
        SyntheticWorld.create(settings.seed(), settings.customers(), settings.merchants());
    var rows =
        new TransactionGenerator(world, settings.generator()).stream().limit(settings.rows());
    return settings.format() == HistoryFormat.KAGGLE
        ? new KaggleCsvWriter(settings.seed(), settings.csvDefectRate(), world).write(rows, out)
        : new HistoryCsvWriter(settings.seed(), settings.csvDefectRate(), world).write(rows, out);
  }
}
