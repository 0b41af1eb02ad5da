package io.fraudops.local.zeebe;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One column family of {@link EngineState}, seen through the key and value instances the engine
 * gave it: as in a broker's store, reads and visits wrap those instances, so a value read stays
 * valid until the next read through the same column family.
 *
 * <p>Iterations walk a live view of the sorted map: the engine may delete or insert while it visits
 * (deleting the children of a scope, for one), which the map allows without copying. Consistency
 * checks (insert of an existing key, update of a missing one) are off, as in a broker by default:
 * all three writes put.
 */
final class EngineStateColumnFamily<K extends DbKey, V extends DbValue>
    implements ColumnFamily<K, V> {

  private final ZbColumnFamilies family;
  private final ConcurrentSkipListMap<byte[], byte[]> entries;
  private final EngineStateTransaction transaction;
  private final K key;
  private final V value;
  private final UnsafeBuffer keyView = new UnsafeBuffer(0, 0);
  private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);

  EngineStateColumnFamily(
      ZbColumnFamilies family,
      ConcurrentSkipListMap<byte[], byte[]> entries,
      EngineStateTransaction transaction,
      K key,
      V value) {
    this.family = family;
    this.entries = entries;
    this.transaction = transaction;
    this.key = key;
    this.value = value;
  }

  @Override
  public ColumnFamilyScope partitionScope() {
    return family.partitionScope();
  }

  // Consistency checks off, as in a broker by default: insert and update are upserts.
  @Override
  public void insert(K key, V value) {
    upsert(key, value);
  }

  @Override
  public void update(K key, V value) {
    upsert(key, value);
  }

  @Override
  public void upsert(K key, V value) {
    transaction.put(entries, bytes(key), bytes(value));
  }

  @Override
  public V get(K key) {
    byte[] found = entries.get(bytes(key));
    if (found == null) {
      return null;
    }
    valueView.wrap(found);
    value.wrap(valueView, 0, found.length);
    return value;
  }

  @Override
  public V get(K key, Supplier<V> newValue) {
    byte[] found = entries.get(bytes(key));
    if (found == null) {
      return null;
    }
    V fresh = newValue.get();
    // A value of its own: it must not change when this column family reads the next one.
    fresh.wrap(new UnsafeBuffer(found), 0, found.length);
    return fresh;
  }

  @Override
  public void forEach(Consumer<V> consumer) {
    visit(
        entries,
        null,
        (k, v) -> {
          consumer.accept(v);
          return true;
        });
  }

  @Override
  public void forEach(BiConsumer<K, V> consumer) {
    visit(
        entries,
        null,
        (k, v) -> {
          consumer.accept(k, v);
          return true;
        });
  }

  @Override
  public void whileTrue(K startAt, KeyValuePairVisitor<K, V> visitor) {
    // The engine passes null for "from the first key" (the job timeout checker's first run, one).
    visit(startAt == null ? entries : entries.tailMap(bytes(startAt), true), null, visitor);
  }

  @Override
  public void whileTrue(KeyValuePairVisitor<K, V> visitor) {
    visit(entries, null, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, BiConsumer<K, V> consumer) {
    byte[] start = bytes(prefix);
    visit(
        entries.tailMap(start, true),
        start,
        (k, v) -> {
          consumer.accept(k, v);
          return true;
        });
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, KeyValuePairVisitor<K, V> visitor) {
    byte[] start = bytes(prefix);
    visit(entries.tailMap(start, true), start, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, K startAt, KeyValuePairVisitor<K, V> visitor) {
    byte[] start = bytes(prefix);
    byte[] from = startAt == null ? start : bytes(startAt);
    // A start before the prefix would visit keys outside it: the prefix's first key bounds it.
    if (Arrays.compareUnsigned(from, start) < 0) {
      from = start;
    }
    visit(entries.tailMap(from, true), start, visitor);
  }

  @Override
  public void deleteExisting(K key) {
    transaction.remove(entries, bytes(key));
  }

  @Override
  public void deleteIfExists(K key) {
    transaction.remove(entries, bytes(key));
  }

  @Override
  public boolean exists(K key) {
    return entries.containsKey(bytes(key));
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public long count() {
    return entries.size();
  }

  @Override
  public long countEqualPrefix(DbKey prefix) {
    byte[] start = bytes(prefix);
    long count = 0;
    for (byte[] candidate : entries.tailMap(start, true).keySet()) {
      if (!startsWith(candidate, start)) {
        break;
      }
      count++;
    }
    return count;
  }

  /**
   * Visits {@code view} in key order while the visitor says so and, with a prefix, while the keys
   * start with it: the first key past the prefix ends the scan.
   */
  private void visit(
      NavigableMap<byte[], byte[]> view, byte[] prefix, KeyValuePairVisitor<K, V> visitor) {
    for (Map.Entry<byte[], byte[]> entry : view.entrySet()) {
      byte[] k = entry.getKey();
      if (prefix != null && !startsWith(k, prefix)) {
        return;
      }
      byte[] v = entry.getValue();
      keyView.wrap(k);
      key.wrap(keyView, 0, k.length);
      valueView.wrap(v);
      value.wrap(valueView, 0, v.length);
      if (!visitor.visit(key, value)) {
        return;
      }
    }
  }

  private static boolean startsWith(byte[] candidate, byte[] prefix) {
    return candidate.length >= prefix.length
        && Arrays.equals(candidate, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] bytes(BufferWriter writer) {
    byte[] bytes = new byte[writer.getLength()];
    writer.write(new UnsafeBuffer(bytes), 0);
    return bytes;
  }
}
