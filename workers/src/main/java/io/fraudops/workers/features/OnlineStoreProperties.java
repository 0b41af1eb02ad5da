package io.fraudops.workers.features;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the workers watch the online store (Redis) and repair it.
 *
 * @param checkInterval pause between two looks at Redis (is it there, is it the store we filled)
 * @param rebuildThreads threads replaying the history when Redis comes back empty
 * @param rebuildWaitAtStart how long the start waits for a rebuild before the job workers open;
 *     past it they open and payments go to review until the rebuild is done
 * @param backlogCapacity payments and labels kept in memory while neither Redis nor PostgreSQL
 *     takes them; past it the oldest are still in PostgreSQL's ledger if they were decided, and a
 *     counter says how many were dropped
 * @param repairBatch payments replayed into Redis per look, once it is back
 */
@ConfigurationProperties("fraud.online-store")
public record OnlineStoreProperties(
    @DefaultValue("1s") Duration checkInterval,
    @DefaultValue("4") int rebuildThreads,
    @DefaultValue("5m") Duration rebuildWaitAtStart,
    @DefaultValue("100000") int backlogCapacity,
    @DefaultValue("500") int repairBatch) {

  public OnlineStoreProperties {
    if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException(
          "fraud.online-store.check-interval must be positive (got " + checkInterval + ")");
    }
    if (rebuildWaitAtStart == null || rebuildWaitAtStart.isNegative()) {
      throw new IllegalArgumentException(
          "fraud.online-store.rebuild-wait-at-start must not be negative (got "
              + rebuildWaitAtStart
              + ")");
    }
    if (rebuildThreads < 1 || backlogCapacity < 1 || repairBatch < 1) {
      throw new IllegalArgumentException(
          "fraud.online-store.rebuild-threads, .backlog-capacity and .repair-batch must be at least 1");
    }
  }
}
