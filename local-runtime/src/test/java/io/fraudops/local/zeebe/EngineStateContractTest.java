package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.db.impl.DbCompositeKey;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.db.impl.DbString;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The in-heap state answers as the broker's RocksDB store does, for what the engine asks of it:
 * prefix scans in key order that stop at the prefix's end, scans from a start key, visits that stop
 * or delete as they go, rollback, and values that outlive the next read. Each case runs on both.
 */
class EngineStateContractTest {

  enum Store {
    IN_HEAP,
    BROKER_ROCKSDB
  }

  @TempDir Path folder;
  private AutoCloseable opened;
  private TransactionContext context;
  private final DbLong parent = new DbLong();
  private final DbLong child = new DbLong();
  private final DbCompositeKey<DbLong, DbLong> key = new DbCompositeKey<>(parent, child);
  private final DbString value = new DbString();
  private ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbString> family;

  private void open(Store store) {
    ZeebeDb<ZbColumnFamilies> db;
    if (store == Store.IN_HEAP) {
      EngineState state = new EngineState();
      opened = state;
      db = state;
    } else {
      BrokerRocksDb rocks = BrokerRocksDb.open(folder);
      opened = rocks;
      db = rocks.zeebeDb();
    }
    context = db.createContext();
    family =
        db.createColumnFamily(ZbColumnFamilies.ELEMENT_INSTANCE_PARENT_CHILD, context, key, value);
    // 256 after 2: keys order as unsigned big-endian bytes, i.e. numerically.
    for (long[] k : new long[][] {{1, 10}, {0, 5}, {1, 1}, {256, 1}, {2, 1}, {1, 2}}) {
      put(k[0], k[1]);
    }
  }

  @AfterEach
  void close() throws Exception {
    if (opened != null) {
      opened.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aPrefixScanReturnsItsKeysInOrderAndStopsAtTheEndOfThePrefix(Store store) {
    open(store);
    assertThat(prefix(1)).containsExactly("1/1=v1.1", "1/2=v1.2", "1/10=v1.10");
    assertThat(prefix(2)).containsExactly("2/1=v2.1");
    assertThat(prefix(3)).isEmpty();
    assertThat(family.countEqualPrefix(longKey(1))).isEqualTo(3);
    assertThat(family.count()).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void scansStartAtAKeyAndAVisitorStopsThem(Store store) {
    open(store);
    List<String> fromKey = new ArrayList<>();
    family.whileEqualPrefix(longKey(1), key(1, 2), (k, v) -> fromKey.add(entry(k, v)));
    assertThat(fromKey).containsExactly("1/2=v1.2", "1/10=v1.10");

    List<String> toEnd = new ArrayList<>();
    family.whileTrue(key(1, 10), (k, v) -> toEnd.add(entry(k, v)));
    assertThat(toEnd).containsExactly("1/10=v1.10", "2/1=v2.1", "256/1=v256.1");

    List<String> all = new ArrayList<>();
    family.whileTrue(null, (k, v) -> all.add(entry(k, v)));
    assertThat(all).hasSize(6).startsWith("0/5=v0.5").endsWith("256/1=v256.1");

    List<String> firstTwo = new ArrayList<>();
    family.whileTrue((k, v) -> firstTwo.add(entry(k, v)) && firstTwo.size() < 2);
    assertThat(firstTwo).containsExactly("0/5=v0.5", "1/1=v1.1");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aVisitCanDeleteWhatItVisits(Store store) {
    open(store);
    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    List<Long> deleted = new ArrayList<>();
    family.whileEqualPrefix(
        longKey(1),
        (k, v) -> {
          deleted.add(k.second().getValue());
          family.deleteExisting(k);
        });
    commit(transaction);
    assertThat(deleted).containsExactly(1L, 2L, 10L);
    assertThat(prefix(1)).isEmpty();
    assertThat(family.count()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRollbackPutsBackWhatTheTransactionChangedAndACommitKeepsIt(Store store) throws Exception {
    open(store);
    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    transaction.run(
        () -> {
          put(1, 3);
          family.deleteExisting(key(1, 1));
          value.wrapString("changed");
          family.update(key(1, 2), value);
        });
    assertThat(prefix(1)).containsExactly("1/2=changed", "1/3=v1.3", "1/10=v1.10");
    transaction.rollback();
    assertThat(prefix(1)).containsExactly("1/1=v1.1", "1/2=v1.2", "1/10=v1.10");

    transaction = context.getCurrentTransaction();
    transaction.run(() -> family.deleteIfExists(key(1, 10)));
    transaction.commit();
    context.getCurrentTransaction().rollback();
    assertThat(prefix(1)).containsExactly("1/1=v1.1", "1/2=v1.2");
    assertThat(family.exists(key(1, 10))).isFalse();
    assertThat(family.exists(key(1, 2))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aValueFromItsOwnSupplierOutlivesTheNextRead(Store store) {
    open(store);
    DbString first = family.get(key(1, 1), DbString::new);
    DbString shared = family.get(key(2, 1));
    assertThat(shared.toString()).isEqualTo("v2.1");
    family.get(key(256, 1));
    assertThat(first.toString()).isEqualTo("v1.1");
    assertThat(family.get(key(9, 9))).isNull();
    assertThat(family.get(key(9, 9), DbString::new)).isNull();
  }

  private void put(long p, long c) {
    value.wrapString("v" + p + "." + c);
    family.upsert(key(p, c), value);
  }

  private DbCompositeKey<DbLong, DbLong> key(long p, long c) {
    parent.wrapLong(p);
    child.wrapLong(c);
    return key;
  }

  private static DbLong longKey(long p) {
    DbLong prefix = new DbLong();
    prefix.wrapLong(p);
    return prefix;
  }

  private List<String> prefix(long p) {
    List<String> visited = new ArrayList<>();
    family.whileEqualPrefix(
        longKey(p),
        (DbCompositeKey<DbLong, DbLong> k, DbString v) -> {
          visited.add(entry(k, v));
        });
    return visited;
  }

  private static String entry(DbCompositeKey<DbLong, DbLong> k, DbString v) {
    return k.first().getValue() + "/" + k.second().getValue() + "=" + v;
  }

  private static void commit(ZeebeDbTransaction transaction) {
    try {
      transaction.commit();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
