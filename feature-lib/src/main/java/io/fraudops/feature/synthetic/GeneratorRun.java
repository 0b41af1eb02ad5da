package io.fraudops.feature.synthetic;

import io.fraudops.feature.transaction.CardTokenizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One pass of the simulation. Arrivals come as a Poisson process in simulated time; each is a
 * normal purchase, a malformed payload or a fraud incident, whose later rows wait in a queue until
 * their time, so rows come out in timestamp order. Only draws from its own seeded Random: same
 * world and settings, same rows.
 */
final class GeneratorRun implements Iterator<LabelledTransaction> {

  private static final double OFF_HOURS_ACCEPTANCE = 0.05;
  private static final int PICK_TRIES = 30;

  private record Queued(long epochMillis, long order, Planned planned) {
    static final Comparator<Queued> ORDER =
        Comparator.comparingLong(Queued::epochMillis).thenComparingLong(Queued::order);
  }

  private final SyntheticWorld world;
  private final Random random;
  private final Purchases purchases;
  private final FraudScenarios scenarios;
  private final Weighted<Integer> byActivity;
  private final double meanGapMillis;
  private final double invalidChance;
  private final double incidentChance;
  private final PriorityQueue<Queued> queue = new PriorityQueue<>(Queued.ORDER);
  private long order;

  GeneratorRun(SyntheticWorld world, GeneratorSettings settings, CardTokenizer cards) {
    this.world = world;
    this.random = new Random(settings.seed());
    this.purchases = new Purchases(world, random, settings.seed(), cards);
    this.scenarios = new FraudScenarios(purchases);
    List<SyntheticCustomer> customers = world.customers();
    this.byActivity =
        new Weighted<>(
            IntStream.range(0, customers.size()).boxed().toList(),
            i -> customers.get(i).activity());
    this.meanGapMillis = 1000.0 / settings.transactionsPerSecond();
    // Incidents and sprees yield several rows, so per-arrival chances are solved from the per-row
    // rates asked: with R rows per arrival on average, invalid = v·R and incident = f·R / fraud
    // rows.
    double f = settings.fraudRate();
    double v = settings.invalidRate();
    double normalRows = 1 + Purchases.SPREE_CHANCE * Purchases.SPREE_EXTRA_ROWS;
    double rowsPerArrival =
        normalRows
            / (1
                - v * (1 - normalRows)
                - f * (FraudScenarios.ALL_ROWS - normalRows) / FraudScenarios.FRAUD_ROWS);
    this.invalidChance = v * rowsPerArrival;
    this.incidentChance = f * rowsPerArrival / FraudScenarios.FRAUD_ROWS;
    queue.add(new Queued(settings.start().toEpochMilli(), order++, null));
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public LabelledTransaction next() {
    Queued head = queue.poll();
    while (head.planned() == null) {
      arrive(head.epochMillis());
      head = queue.poll();
    }
    remember(head.planned());
    return head.planned().row();
  }

  private void arrive(long t) {
    double roll = random.nextDouble();
    if (roll < invalidChance) {
      Planned good = purchases.normal(activeCustomer(t), t);
      Map<String, Object> payload = new LinkedHashMap<>(good.row().payload());
      InvalidPayloads.corrupt(payload, random);
      plan(
          List.of(
              new Planned(
                  t,
                  new LabelledTransaction(payload, null, false, FraudPattern.INVALID),
                  good.customer(),
                  null)));
    } else if (roll < invalidChance + incidentChance) {
      plan(incident(t));
    } else if (random.nextDouble() < Purchases.SPREE_CHANCE) {
      plan(purchases.spree(activeCustomer(t), t));
    } else {
      plan(List.of(purchases.normal(activeCustomer(t), t)));
    }
    long gap = Math.max(1, Math.round(-StrictMath.log(1 - random.nextDouble()) * meanGapMillis));
    queue.add(new Queued(t + gap, order++, null));
  }

  private List<Planned> incident(long t) {
    double roll =
        random.nextDouble()
            * (FraudScenarios.CARD_TESTING
                + FraudScenarios.ACCOUNT_TAKEOVER
                + FraudScenarios.IMPOSSIBLE_TRAVEL
                + FraudScenarios.UNUSUAL_CATEGORY);
    if ((roll -= FraudScenarios.CARD_TESTING) < 0) {
      return scenarios.cardTesting(byActivity.draw(random), t);
    }
    if ((roll -= FraudScenarios.ACCOUNT_TAKEOVER) < 0) {
      return scenarios.accountTakeover(byActivity.draw(random), t);
    }
    if (roll - FraudScenarios.IMPOSSIBLE_TRAVEL < 0) {
      return scenarios.impossibleTravel(activeCustomer(t), t);
    }
    int customer = activeCustomer(t);
    Planned unusual = scenarios.unusualCategory(customer, t);
    return unusual != null ? List.of(unusual) : scenarios.accountTakeover(customer, t);
  }

  /** A customer likely to be shopping now: people mostly pay during their own waking hours. */
  private int activeCustomer(long t) {
    Instant now = Instant.ofEpochMilli(t);
    int candidate = byActivity.draw(random);
    for (int i = 0; i < PICK_TRIES; i++) {
      SyntheticCustomer c = world.customers().get(candidate);
      if (c.activeAt(now.atZone(c.timeZone()).getHour())
          || random.nextDouble() < OFF_HOURS_ACCEPTANCE) {
        return candidate;
      }
      candidate = byActivity.draw(random);
    }
    return candidate;
  }

  private void plan(List<Planned> rows) {
    for (Planned row : rows) {
      queue.add(new Queued(row.epochMillis(), order++, row));
    }
  }

  private void remember(Planned planned) {
    if (planned.row().transaction() == null) {
      return;
    }
    CustomerState state = purchases.states[planned.customer()];
    state.lastMillis = planned.epochMillis();
    if (planned.row().transaction().hasLocation()) {
      state.lastLatitude = planned.row().transaction().latitude();
      state.lastLongitude = planned.row().transaction().longitude();
    }
    state.usedCategories.add(planned.category());
  }
}
