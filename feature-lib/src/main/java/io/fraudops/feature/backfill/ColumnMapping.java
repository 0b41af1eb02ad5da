package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where each schema column comes from in a file named differently: {@code amount=amt} reads the
 * schema's {@code amount} from the file's {@code amt} column; {@code currency=USD} gives every row
 * the same value when the header has no column {@code USD} (only for {@link
 * HistoryColumns#CONSTANT_ALLOWED}, and only a valid value: a misspelt column is reported, not
 * taken for a constant). Unmapped columns keep their names; the header is checked against it all
 * before any row is read.
 *
 * @param entries schema column to file column or constant, in the order given
 */
public record ColumnMapping(Map<String, String> entries) {

  public static final ColumnMapping NONE = new ColumnMapping(Map.of());

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final int HEADER_SHOWN = 30;

  public ColumnMapping {
    entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (!HistoryColumns.ALL.contains(entry.getKey())) {
        throw new IllegalArgumentException(
            "cannot map unknown column '"
                + entry.getKey()
                + "'; the columns are "
                + HistoryColumns.ALL);
      }
      if (entry.getValue().isBlank()) {
        throw new IllegalArgumentException(
            "column '" + entry.getKey() + "' is mapped to a blank name");
      }
    }
  }

  /** Reads {@code column=fileColumn,column=CONSTANT}; blank means no mapping. */
  public static ColumnMapping parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "a mapping is column=fileColumn or column=VALUE (got '" + pair.strip() + "')");
      }
      if (entries.put(kv[0].strip(), kv[1].strip()) != null) {
        throw new IllegalArgumentException("column '" + kv[0].strip() + "' is mapped twice");
      }
    }
    return new ColumnMapping(entries);
  }

  /**
   * This mapping on top of {@code base} (a format's preset): an entry here replaces base's for its
   * column.
   */
  public ColumnMapping over(ColumnMapping base) {
    Map<String, String> merged = new LinkedHashMap<>(base.entries);
    merged.putAll(entries);
    return new ColumnMapping(merged);
  }

  /**
   * Finds every schema column in the header, or its constant or default.
   *
   * @throws IllegalArgumentException naming every problem of the header and mapping at once
   */
  FileLayout resolve(List<String> header) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(header.get(i).replace("\uFEFF", "").strip(), i);
    }
    Map<String, Integer> located = new HashMap<>();
    Map<String, String> constants = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    for (String column : HistoryColumns.ALL) {
      String name = entries.getOrDefault(column, column);
      Integer position = positions.get(name);
      if (position != null) {
        located.put(column, position);
      } else if (entries.containsKey(column) && HistoryColumns.CONSTANT_ALLOWED.contains(column)) {
        String problem = constantProblem(column, name);
        if (problem == null) {
          constants.put(column, name);
        } else {
          problems.add(
              column
                  + "="
                  + name
                  + ": the header has no column '"
                  + name
                  + "', and it is not a valid constant either ("
                  + problem
                  + ")");
        }
      } else if (entries.containsKey(column)) {
        problems.add(column + "=" + name + ": the header has no column '" + name + "'");
      } else if (HistoryColumns.REQUIRED.contains(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          0,
          "the header lacks required columns "
              + missing
              + "; use a mapping (--map column=fileColumn) if they are named differently");
    }
    if (!located.containsKey(HistoryColumns.CUSTOMER_ID)
        && !located.containsKey(HistoryColumns.CARD_NUMBER)) {
      problems.add(
          "the header has neither customer_id nor card_number: map one of them (with card_number"
              + " alone, the card's fingerprint identifies the customer)");
    }
    Integer customer = located.get(HistoryColumns.CUSTOMER_ID);
    if (customer != null && customer.equals(located.get(HistoryColumns.CARD_NUMBER))) {
      problems.add(
          "customer_id and card_number are the same column '"
              + header.get(customer).strip()
              + "': a card number must never be stored as an id. Map card_number only: its fingerprint"
              + " then identifies the customer");
    }
    pair(located, HistoryColumns.LATITUDE, HistoryColumns.LONGITUDE, problems);
    pair(located, HistoryColumns.HOME_LATITUDE, HistoryColumns.HOME_LONGITUDE, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          String.join("; ", problems) + ". The header has: " + shown(header));
    }
    return new FileLayout(located, constants, header.size(), entries);
  }

  private static void pair(
      Map<String, Integer> located, String first, String second, List<String> problems) {
    if (located.containsKey(first) != located.containsKey(second)) {
      problems.add(
          first
              + " and "
              + second
              + " go together: the header has only "
              + (located.containsKey(first) ? first : second)
              + " (map both, or neither)");
    }
  }

  private static String constantProblem(String column, String value) {
    return switch (column) {
      case HistoryColumns.CURRENCY ->
          CURRENCY.matcher(value).matches()
              ? null
              : "a currency is 3 upper-case letters, ISO 4217, e.g. USD";
      case HistoryColumns.COUNTRY ->
          COUNTRY.matcher(value).matches()
              ? null
              : "a country is 2 upper-case letters, ISO 3166, e.g. US";
      case HistoryColumns.CHANNEL ->
          Channel.isKnown(value) ? null : "a channel is POS, ECOM or ATM";
      case HistoryColumns.LABEL_SOURCE ->
          LabelEvent.SOURCES.contains(value)
              ? null
              : "a label source is analyst, chargeback or import";
      default -> "no constant allowed";
    };
  }

  private static String shown(List<String> header) {
    List<String> names = header.stream().map(name -> name.replace("\uFEFF", "").strip()).toList();
    return names.size() <= HEADER_SHOWN
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, HEADER_SHOWN)) + ", … (" + names.size() + " columns)";
  }
}
