package io.fraudops.local.zeebe;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.File;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The engine's state in the JVM's heap: one sorted map per column family, keys ordered as RocksDB
 * orders them (unsigned bytes, lexicographic), so a prefix scan seeks to its prefix and stops at
 * the first key past it. A scan costs what it returns, however many instances ran before: this is
 * what zeebe-process-test's in-memory store gets wrong (its scans walk on to the end of the store),
 * and what the RocksDB store of a broker gets right at twice the CPU per instance here (a JNI call,
 * a copy and a transaction's write batch around every read and write; measured in
 * docs/embedded-engine.md).
 *
 * <p>Writes go straight into the maps; a transaction keeps what each write replaced and puts it
 * back on rollback ({@link EngineStateTransaction}). Nothing is durable: the state is the embedded
 * engine's, gone when it stops, like its log. The maps are concurrent so that the engine's actors
 * (the stream processor and its scheduled tasks, each with its own {@link #createContext()
 * context}) can read while another writes; a reader may see another context's uncommitted writes,
 * which the processor tolerates as it does stale reads (each command is checked again when
 * processed).
 */
final class EngineState implements ZeebeDb<ZbColumnFamilies> {

  private final ConcurrentSkipListMap<byte[], byte[]>[] families;
  private final MeterRegistry meters = new CompositeMeterRegistry();

  @SuppressWarnings("unchecked")
  EngineState() {
    families = new ConcurrentSkipListMap[ZbColumnFamilies.values().length];
    for (int i = 0; i < families.length; i++) {
      families[i] = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    }
  }

  @Override
  public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(
      ZbColumnFamilies family, TransactionContext context, K key, V value) {
    return new EngineStateColumnFamily<>(
        family, families[family.ordinal()], EngineStateTransaction.of(context), key, value);
  }

  @Override
  public TransactionContext createContext() {
    return new EngineStateTransaction.Context();
  }

  @Override
  public boolean isEmpty(ZbColumnFamilies family, TransactionContext context) {
    return families[family.ordinal()].isEmpty();
  }

  /** Entries held, over every column family: stays level while the engine runs steadily. */
  long entries() {
    long total = 0;
    for (ConcurrentSkipListMap<byte[], byte[]> family : families) {
      total += family.size();
    }
    return total;
  }

  @Override
  public void createSnapshot(File snapshotDir) {
    // A broker snapshots for recovery; this state is gone with the engine by design.
    throw new UnsupportedOperationException(
        "The embedded engine's state is not durable and takes no snapshots");
  }

  @Override
  public Optional<String> getProperty(String propertyName) {
    return Optional.empty(); // RocksDB properties; there is no RocksDB here
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return meters;
  }

  @Override
  public void close() {
    for (ConcurrentSkipListMap<byte[], byte[]> family : families) {
      family.clear();
    }
    meters.close();
  }
}
