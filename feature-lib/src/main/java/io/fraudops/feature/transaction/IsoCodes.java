package io.fraudops.feature.transaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The currency and country codes a payment may carry, read from the lists beside this class ({@code
 * iso4217-currencies.txt}, {@code iso3166-countries.txt}; each says what it leaves out and why).
 * Fixed lists rather than the JDK's, which also holds withdrawn currencies and non-currency X-codes
 * and changes with the JDK.
 */
final class IsoCodes {

  static final Set<String> CURRENCIES = read("iso4217-currencies.txt");
  static final Set<String> COUNTRIES = read("iso3166-countries.txt");

  private IsoCodes() {}

  private static Set<String> read(String resource) {
    try (InputStream in = IsoCodes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("feature-lib is missing its resource " + resource);
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      return lines
          .lines()
          .filter(line -> !line.startsWith("#"))
          .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
          .filter(code -> !code.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
