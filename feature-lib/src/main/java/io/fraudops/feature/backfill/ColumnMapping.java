package io.fraudops.feature.backfill;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which header name holds each schema column, for files named differently: {@code amount=amt} reads
 * the schema's {@code amount} from the file's {@code amt} column. Unmapped columns keep their
 * names.
 *
 * @param renames schema column to file column
 */
public record ColumnMapping(Map<String, String> renames) {

  public static final ColumnMapping NONE = new ColumnMapping(Map.of());

  public ColumnMapping {
    renames = Map.copyOf(renames);
    for (Map.Entry<String, String> rename : renames.entrySet()) {
      if (!HistoryColumns.ALL.contains(rename.getKey())) {
        throw new IllegalArgumentException(
            "cannot map unknown column '"
                + rename.getKey()
                + "'; the columns are "
                + HistoryColumns.ALL);
      }
      if (rename.getValue().isBlank()) {
        throw new IllegalArgumentException(
            "column '" + rename.getKey() + "' is mapped to a blank name");
      }
    }
  }

  /** Reads {@code column=fileColumn,column=fileColumn}; blank means no mapping. */
  public static ColumnMapping parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    Map<String, String> renames = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "a mapping is column=fileColumn (got '" + pair.trim() + "')");
      }
      if (renames.put(kv[0].trim(), kv[1].trim()) != null) {
        throw new IllegalArgumentException("column '" + kv[0].trim() + "' is mapped twice");
      }
    }
    return new ColumnMapping(renames);
  }

  /**
   * Finds each schema column in the header.
   *
   * @return the index of each schema column present
   * @throws IllegalArgumentException when a required column is missing
   */
  Map<String, Integer> locate(List<String> header) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(header.get(i).replace("\uFEFF", "").strip(), i);
    }
    Map<String, Integer> located = new HashMap<>();
    TreeSet<String> missing = new TreeSet<>();
    for (String column : HistoryColumns.ALL) {
      String name = renames.getOrDefault(column, column);
      Integer position = positions.get(name);
      if (position != null) {
        located.put(column, position);
      } else if (HistoryColumns.REQUIRED.contains(column)) {
        missing.add(name.equals(column) ? column : column + " (mapped to '" + name + "')");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the header lacks required columns "
              + missing
              + "; use a mapping (--map column=fileColumn) if they are named differently");
    }
    return located;
  }
}
