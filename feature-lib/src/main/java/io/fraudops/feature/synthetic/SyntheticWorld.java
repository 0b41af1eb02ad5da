package io.fraudops.feature.synthetic;

import io.fraudops.feature.offline.CustomerProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Customers and merchants placed around real cities, built deterministically from a seed. The world
 * is fixed; {@link TransactionGenerator} makes them trade.
 */
public final class SyntheticWorld {

  private final long seed;
  private final List<SyntheticCustomer> customers;
  private final List<SyntheticMerchant> merchants;
  private final Map<MerchantCategory, List<SyntheticMerchant>> byCategory;

  private SyntheticWorld(
      long seed, List<SyntheticCustomer> customers, List<SyntheticMerchant> merchants) {
    this.seed = seed;
    this.customers = List.copyOf(customers);
    this.merchants = List.copyOf(merchants);
    this.byCategory =
        merchants.stream()
            .collect(
                Collectors.groupingBy(
                    SyntheticMerchant::category,
                    () -> new EnumMap<>(MerchantCategory.class),
                    Collectors.toUnmodifiableList()));
  }

  /**
   * @param merchants at least {@link #MIN_MERCHANTS}, so every category and city has one
   */
  public static SyntheticWorld create(long seed, int customers, int merchants) {
    if (customers < 1) {
      throw new IllegalArgumentException("a world needs at least one customer");
    }
    if (merchants < MIN_MERCHANTS) {
      throw new IllegalArgumentException("a world needs at least " + MIN_MERCHANTS + " merchants");
    }
    Random random = new Random(seed);
    List<SyntheticMerchant> merchantList = WorldBuilder.merchants(random, merchants);
    List<SyntheticCustomer> customerList = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      customerList.add(WorldBuilder.customer(random, i + 1, merchantList));
    }
    return new SyntheticWorld(seed, customerList, merchantList);
  }

  public static final int MIN_MERCHANTS = MerchantCategory.values().length + City.ALL.size();

  public long seed() {
    return seed;
  }

  public List<SyntheticCustomer> customers() {
    return customers;
  }

  public List<SyntheticMerchant> merchants() {
    return merchants;
  }

  /** What the batch profile job would have computed for each customer. */
  public List<CustomerProfile> profiles() {
    return customers.stream()
        .map(
            c ->
                new CustomerProfile(
                    c.customerId(),
                    c.homeLatitude(),
                    c.homeLongitude(),
                    c.usualAmount(),
                    c.timeZone()))
        .toList();
  }

  List<SyntheticMerchant> merchantsOf(MerchantCategory category) {
    return byCategory.getOrDefault(category, List.of());
  }

  List<SyntheticMerchant> merchantsOf(Set<MerchantCategory> categories) {
    EnumSet<MerchantCategory> wanted = EnumSet.copyOf(categories);
    return merchants.stream().filter(m -> wanted.contains(m.category())).toList();
  }
}
