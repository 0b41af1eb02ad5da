package io.fraudops.local.zeebe;

import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A transaction over {@link EngineState}: writes are applied at once and their undo kept until
 * commit; rollback puts back, newest first, what each write replaced.
 *
 * <p>The contract the stream processor relies on, as a broker's store keeps it: {@link
 * Context#getCurrentTransaction()} opens a transaction that every column-family operation of the
 * same context joins until commit or rollback; an operation outside an open transaction runs in one
 * of its own, committed at once.
 */
final class EngineStateTransaction implements ZeebeDbTransaction {

  /** What one write replaced: {@code previous} null when the key was absent. */
  private record Undo(ConcurrentSkipListMap<byte[], byte[]> family, byte[] key, byte[] previous) {}

  private final List<Undo> undo = new ArrayList<>();
  private boolean open;

  static EngineStateTransaction of(TransactionContext context) {
    if (context instanceof Context own) {
      return own.transaction;
    }
    throw new IllegalArgumentException(
        "A column family of the engine's state needs a context of that state, not " + context);
  }

  void put(ConcurrentSkipListMap<byte[], byte[]> family, byte[] key, byte[] value) {
    remember(family, key, family.put(key, value));
  }

  void remove(ConcurrentSkipListMap<byte[], byte[]> family, byte[] key) {
    byte[] previous = family.remove(key);
    if (previous != null) {
      remember(family, key, previous);
    }
  }

  private void remember(ConcurrentSkipListMap<byte[], byte[]> family, byte[] key, byte[] previous) {
    if (open) {
      undo.add(new Undo(family, key, previous));
    }
    // Outside a transaction: an auto-committed write (see Context#runInTransaction), nothing to
    // undo.
  }

  private void begin() {
    undo.clear();
    open = true;
  }

  @Override
  public void run(TransactionOperation operations) throws Exception {
    operations.run();
  }

  @Override
  public void commit() {
    undo.clear();
    open = false;
  }

  @Override
  public void rollback() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      Undo u = undo.get(i);
      if (u.previous() == null) {
        u.family().remove(u.key());
      } else {
        u.family().put(u.key(), u.previous());
      }
    }
    undo.clear();
    open = false;
  }

  /** One per actor that uses the state; its transaction is that actor's. */
  static final class Context implements TransactionContext {

    private final EngineStateTransaction transaction = new EngineStateTransaction();

    @Override
    public void runInTransaction(TransactionOperation operations) {
      try {
        if (transaction.open) {
          operations.run();
          return;
        }
        transaction.begin();
        try {
          operations.run();
          transaction.commit();
        } finally {
          if (transaction.open) {
            transaction.rollback();
          }
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("A state operation of the embedded engine failed", e);
      }
    }

    @Override
    public ZeebeDbTransaction getCurrentTransaction() {
      if (!transaction.open) {
        transaction.begin();
      }
      return transaction;
    }
  }
}
