package io.fraudops.local.zeebe;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration.MemoryAllocationStrategy;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory.SharedRocksDbResources;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;

/**
 * The store a Zeebe broker keeps its state in (RocksDB, through zeebe-db), configured as the
 * embedded engine used it before {@link EngineState}: the reference {@link EngineStateContractTest}
 * holds the in-heap store to.
 */
final class BrokerRocksDb implements AutoCloseable {

  /** Native memory for cache and memtables together; the engine's state is a few MB at most. */
  static final long MEMORY_LIMIT = 64L * 1024 * 1024;

  private final SharedRocksDbResources memory;
  private final ZeebeDb<ZbColumnFamilies> db;

  private BrokerRocksDb(SharedRocksDbResources memory, ZeebeDb<ZbColumnFamilies> db) {
    this.memory = memory;
    this.db = db;
  }

  static BrokerRocksDb open(Path folder) {
    RocksDbConfiguration config =
        new RocksDbConfiguration()
            .setMemoryLimit(MEMORY_LIMIT)
            // One partition gets the whole budget (the broker default divides it by partitions).
            .setMemoryAllocationStrategy(MemoryAllocationStrategy.PARTITION)
            // The state is thrown away on close: a write-ahead log would only cost writes.
            .setWalDisabled(true);
    SharedRocksDbResources memory = SharedRocksDbResources.allocate(MEMORY_LIMIT);
    try {
      var factory =
          new ZeebeRocksDbFactory<ZbColumnFamilies>(
              config,
              // The broker's defaults: the checks are for engine development, and cost lookups.
              new ConsistencyChecksSettings(false, false),
              new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
              // A composite registry without members records nothing: metrics are not served.
              CompositeMeterRegistry::new,
              memory,
              1);
      return new BrokerRocksDb(memory, factory.createDb(folder.toFile()));
    } catch (RuntimeException e) {
      memory.close();
      throw e;
    }
  }

  ZeebeDb<ZbColumnFamilies> zeebeDb() {
    return db;
  }

  @Override
  public void close() throws Exception {
    try {
      db.close();
    } finally {
      // Shared between databases in a broker, so the factory leaves it to whoever allocated it.
      memory.close();
    }
  }
}
