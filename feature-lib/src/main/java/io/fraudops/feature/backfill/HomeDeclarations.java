package io.fraudops.feature.backfill;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which rows declare a customer's home: a file repeats the home on every payment, the store
 * keeps one row per change. A row declares when its customer's home differs from the last one seen,
 * or is the same but earlier (files need not be in time order). Remembers at most {@link
 * #REMEMBERED} customers, least recently seen out first: a forgotten customer's next row declares
 * again, which is harmless (the same home from a later instant). Asked for the rows actually
 * loaded, in file order.
 */
final class HomeDeclarations {

  static final int REMEMBERED = 1_000_000;

  private final Map<String, long[]> seen =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
          return size() > REMEMBERED;
        }
      };

  /**
   * @return whether this row is the one to store
   */
  boolean declares(HistoryRow row) {
    if (!row.declaresHome()) {
      return false;
    }
    String customer = row.transaction().customerId();
    long latitude = Double.doubleToLongBits(row.homeLatitude());
    long longitude = Double.doubleToLongBits(row.homeLongitude());
    long at = row.transaction().epochMillis();
    long[] last = seen.get(customer);
    if (last != null && last[0] == latitude && last[1] == longitude && last[2] <= at) {
      return false;
    }
    seen.put(customer, new long[] {latitude, longitude, at});
    return true;
  }
}
