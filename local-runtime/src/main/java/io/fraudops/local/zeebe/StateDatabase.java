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
 * The engine's state in RocksDB, the store a Zeebe broker uses, in a folder that the engine deletes
 * when it closes.
 *
 * <p>Why not an in-memory map: the engine finds work through prefix scans (jobs of a type, element
 * instances of a parent, timers due...). RocksDB stops a scan at the end of its prefix, so a scan
 * costs what it returns; zeebe-process-test's in-memory store walks the rest of the store on every
 * scan, so each instance costs more than the one before.
 *
 * <p>Memory is bounded: block cache and write buffers come out of one budget ({@link
 * #MEMORY_LIMIT}), nothing is durable (no write-ahead log, no flush on close), and deleted state is
 * compacted away on disk as in a broker.
 */
final class StateDatabase implements AutoCloseable {

  /** Native memory for cache and memtables together; the engine's state is a few MB at most. */
  static final long MEMORY_LIMIT = 64L * 1024 * 1024;

  private final SharedRocksDbResources memory;
  private final ZeebeDb<ZbColumnFamilies> db;

  private StateDatabase(SharedRocksDbResources memory, ZeebeDb<ZbColumnFamilies> db) {
    this.memory = memory;
    this.db = db;
  }

  static StateDatabase open(Path folder) {
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
      return new StateDatabase(memory, factory.createDb(folder.toFile()));
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
