package io.fraudops.feature.synthetic;

import java.util.EnumSet;
import java.util.Set;

/** What the generator remembers of one customer as the simulation runs. */
final class CustomerState {

  long lastMillis = Long.MIN_VALUE;
  Double lastLatitude;
  Double lastLongitude;
  City trip;
  long tripEndMillis;
  final Set<MerchantCategory> usedCategories = EnumSet.noneOf(MerchantCategory.class);

  boolean travellingAt(long epochMillis) {
    return trip != null && epochMillis < tripEndMillis;
  }
}
