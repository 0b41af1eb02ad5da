package io.fraudops.feature.training;

import io.fraudops.feature.history.LabelEvent;

/**
 * Each labelled payment's outcome, from one pass over the labels before the replay: the label known
 * last (a chargeback after an analyst's verdict overrides it) and whether any label said fraud.
 * Held compactly, about 20 bytes a labelled payment, as 64-bit hashes of the transaction ids in an
 * open-addressing table: with ten million labels the chance that two ids share a hash is about 3 in
 * a million.
 */
final class LabelOutcomes {

  private static final byte LABELLED = 1;
  private static final byte LAST_SAYS_FRAUD = 2;
  private static final byte EVER_FRAUD = 4;
  private static final long EMPTY = 0;

  private long[] keys = new long[1 << 10];
  private byte[] flags = new byte[1 << 10];
  private int size;

  /** Labels must come in the order they became known. */
  void record(LabelEvent label) {
    int slot = slot(key(label.transactionId()));
    if (keys[slot] == EMPTY) {
      keys[slot] = key(label.transactionId());
      size++;
    }
    byte kept = (byte) (flags[slot] & EVER_FRAUD);
    flags[slot] = (byte) (kept | LABELLED | (label.fraud() ? LAST_SAYS_FRAUD | EVER_FRAUD : 0));
    if (size * 2 > keys.length) {
      grow();
    }
  }

  /** The label known last; null for a payment without one. */
  Boolean last(String transactionId) {
    byte found = flags[slot(key(transactionId))];
    return (found & LABELLED) == 0 ? null : (found & LAST_SAYS_FRAUD) != 0;
  }

  boolean everFraud(String transactionId) {
    return (flags[slot(key(transactionId))] & EVER_FRAUD) != 0;
  }

  int size() {
    return size;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int slot = (int) key & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    byte[] oldFlags = flags;
    keys = new long[oldKeys.length * 2];
    flags = new byte[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        flags[slot] = oldFlags[i];
      }
    }
  }

  /** FNV-1a over the characters, then MurmurHash3's finaliser; never {@link #EMPTY}. */
  static long key(String transactionId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < transactionId.length(); i++) {
      h ^= transactionId.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }
}
