package io.fraudops.feature.offline;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Customer profiles as of any instant of a replayed history: what the batch profile job would have
 * computed had it run just before each payment, from the payments and labels known by then. Same
 * definition as the job (see the backfill's {@code ProfileRebuild}), kept up to date payment by
 * payment:
 *
 * <ul>
 *   <li>usual amount: the median of the customer's payments so far, without those a fraud label
 *       known so far points at;
 *   <li>home: the latest home the customer declared at or before the instant ({@link
 *       DeclaredHomes}); without one, the most frequent 0.01° cell of those payments' locations,
 *       ties to the lowest latitude then longitude;
 *   <li>time zone: as the store has it. It is an attribute of the customer, not learnt from
 *       payments.
 * </ul>
 *
 * A customer without such a payment yet has no profile, as a new customer has none when served.
 *
 * <p>Memory: 8 bytes per payment for the medians (an exact median needs every amount), location
 * counts only for customers who have not declared a home yet, and the amount of each payment that a
 * fraud label will later exclude ({@code excludedLater}: known from a first pass over the labels).
 * Not thread-safe: a replay is sequential.
 */
public final class RunningProfiles {

  private static final long NO_CELL = Long.MIN_VALUE;

  private final DeclaredHomes homes;
  private final Map<String, ZoneId> zones;
  private final Predicate<String> excludedLater;
  private final Map<String, Customer> customers = new HashMap<>();
  private final Map<String, Remembered> remembered = new HashMap<>();

  /**
   * @param zones time zone per customer, where known
   * @param excludedLater whether a payment (by id) will get a fraud label: only those are
   *     remembered
   */
  public RunningProfiles(
      DeclaredHomes homes, Map<String, ZoneId> zones, Predicate<String> excludedLater) {
    this.homes = Objects.requireNonNull(homes, "homes");
    this.zones = Map.copyOf(zones);
    this.excludedLater = Objects.requireNonNull(excludedLater, "excludedLater");
  }

  /**
   * The profile as of an instant, from what was recorded so far; null for a customer without one.
   */
  public CustomerProfile asOf(String customerId, long epochMillis) {
    Customer customer = customers.get(customerId);
    if (customer == null || customer.amounts.size() == 0) {
      return null;
    }
    Double latitude = null;
    Double longitude = null;
    DeclaredHomes.Home declared = homes.asOf(customerId, epochMillis);
    if (declared != null) {
      latitude = declared.latitude();
      longitude = declared.longitude();
    } else if (customer.bestCount > 0) {
      latitude = HomeCell.latitude(customer.bestCell);
      longitude = HomeCell.longitude(customer.bestCell);
    }
    return new CustomerProfile(
        customerId, latitude, longitude, customer.amounts.median(), zones.get(customerId));
  }

  /** Adds a payment, after its own features were computed. */
  public void record(Transaction tx) {
    Customer customer = customers.computeIfAbsent(tx.customerId(), id -> new Customer());
    long cents = tx.amount().movePointRight(2).longValueExact();
    customer.amounts.add(cents);
    long cell = NO_CELL;
    // Once a home is declared, locations no longer decide it: stop counting them.
    if (tx.hasLocation() && tx.epochMillis() < homes.firstDeclaredMillis(tx.customerId())) {
      cell = HomeCell.of(tx.latitude(), tx.longitude());
      customer.addCell(cell);
    }
    if (excludedLater.test(tx.transactionId())) {
      remembered.put(tx.transactionId(), new Remembered(customer, cents, cell));
    }
  }

  /** A fraud label takes its payment out of the profile: it is someone else's behaviour. */
  public void recordLabel(LabelEvent label) {
    if (!label.fraud()) {
      return;
    }
    Remembered payment = remembered.remove(label.transactionId());
    if (payment == null) {
      return; // already excluded by an earlier fraud label, or paid outside the replay
    }
    payment.customer().amounts.remove(payment.cents());
    if (payment.cell() != NO_CELL) {
      payment.customer().removeCell(payment.cell());
    }
  }

  private record Remembered(Customer customer, long cents, long cell) {}

  private static final class Customer {
    final RunningMedian amounts = new RunningMedian();
    Map<Long, Integer> cells;
    long bestCell;
    int bestCount;

    void addCell(long cell) {
      if (cells == null) {
        cells = new HashMap<>();
      }
      int count = cells.merge(cell, 1, Integer::sum);
      if (count > bestCount || (count == bestCount && cell < bestCell)) {
        bestCell = cell;
        bestCount = count;
      }
    }

    void removeCell(long cell) {
      int count = cells.merge(cell, -1, Integer::sum);
      if (count == 0) {
        cells.remove(cell);
      }
      if (cell == bestCell) {
        // Rare (a fraud label on the home cell): look for the new most frequent one.
        bestCount = 0;
        cells.forEach(
            (c, n) -> {
              if (n > bestCount || (n == bestCount && c < bestCell)) {
                bestCell = c;
                bestCount = n;
              }
            });
      }
    }
  }
}
