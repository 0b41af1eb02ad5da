package io.fraudops.feature.synthetic;

import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A customer of the synthetic world and their habits.
 *
 * @param activeFromHour local hour their day starts
 * @param activeToHour local hour their day ends; above 23 for night owls (25 = 1 am)
 * @param activity relative share of all transactions
 * @param favouriteMerchants where they buy most of the time
 */
public record SyntheticCustomer(
    String customerId,
    String cardNumber,
    String homeCity,
    String country,
    double homeLatitude,
    double homeLongitude,
    ZoneId timeZone,
    double usualAmount,
    int activeFromHour,
    int activeToHour,
    double activity,
    Set<MerchantCategory> usualCategories,
    List<SyntheticMerchant> favouriteMerchants) {

  public SyntheticCustomer {
    // An EnumSet, not Set.copyOf: its iteration order must not change between JVM runs.
    usualCategories =
        Collections.unmodifiableSet(
            usualCategories.isEmpty()
                ? EnumSet.noneOf(MerchantCategory.class)
                : EnumSet.copyOf(usualCategories));
    favouriteMerchants = List.copyOf(favouriteMerchants);
  }

  boolean activeAt(int localHour) {
    int hour = localHour < activeFromHour ? localHour + 24 : localHour;
    return hour >= activeFromHour && hour <= activeToHour;
  }

  /** Leaves the card number out: even a synthetic one must not reach a log. */
  @Override
  public String toString() {
    return "SyntheticCustomer["
        + customerId
        + ", "
        + homeCity
        + ", usualAmount="
        + usualAmount
        + ", active "
        + activeFromHour
        + "-"
        + activeToHour
        + ", "
        + usualCategories
        + "]";
  }
}
