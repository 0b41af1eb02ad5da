package io.fraudops.feature.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where customers said they live, and from when: the home columns of a history file (a public card
 * dataset's {@code lat}, {@code long}). A declared home beats the most frequent payment location,
 * which in such files is a merchant's. Immutable; the lookup is a binary search in the customer's
 * changes.
 */
public final class DeclaredHomes {

  public static final DeclaredHomes NONE = new DeclaredHomes(List.of());

  /** A home, valid from {@code from} until the customer's next declaration. */
  public record Home(String customerId, Instant from, double latitude, double longitude) {

    public Home {
      if (customerId == null || customerId.isBlank()) {
        throw new IllegalArgumentException("customerId is required");
      }
      Objects.requireNonNull(from, "from");
      if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
        throw new IllegalArgumentException(
            "home out of range (" + latitude + ", " + longitude + ")");
      }
    }
  }

  private final Map<String, Home[]> byCustomer = new HashMap<>();

  private DeclaredHomes(Collection<Home> homes) {
    Map<String, List<Home>> grouped = new HashMap<>();
    for (Home home : homes) {
      grouped.computeIfAbsent(home.customerId(), id -> new ArrayList<>()).add(home);
    }
    grouped.forEach(
        (customer, list) -> {
          list.sort(Comparator.comparing(Home::from));
          byCustomer.put(customer, list.toArray(Home[]::new));
        });
  }

  public static DeclaredHomes of(Collection<Home> homes) {
    return homes.isEmpty() ? NONE : new DeclaredHomes(homes);
  }

  /** The latest home declared at or before the instant; null when none was yet. */
  public Home asOf(String customerId, long epochMillis) {
    Home[] changes = byCustomer.get(customerId);
    if (changes == null) {
      return null;
    }
    int low = 0;
    int high = changes.length - 1;
    Home found = null;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (changes[middle].from().toEpochMilli() <= epochMillis) {
        found = changes[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** When the customer first declared a home; {@link Long#MAX_VALUE} if never. */
  public long firstDeclaredMillis(String customerId) {
    Home[] changes = byCustomer.get(customerId);
    return changes == null ? Long.MAX_VALUE : changes[0].from().toEpochMilli();
  }

  public int size() {
    return byCustomer.values().stream().mapToInt(changes -> changes.length).sum();
  }
}
