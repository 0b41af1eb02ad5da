package io.fraudops.feature.offline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The median of a multiset of amounts (in cents) that grows by one and, rarely, loses one: two
 * heaps of primitive longs, 8 bytes a value, logarithmic updates. Removals are lazy: a removed
 * value stays in its heap, marked, until it reaches the top. The median is PostgreSQL's {@code
 * percentile_cont(0.5)} to the bit, the two middle values interpolated as {@code lo + 0.5 * (hi -
 * lo)}, so a profile built here equals the batch job's.
 */
final class RunningMedian {

  // low holds the smaller half negated (a max-heap as a min-heap), high the larger half.
  private final LongHeap low = new LongHeap();
  private final LongHeap high = new LongHeap();
  private final Map<Long, Integer> removedLow = new HashMap<>();
  private final Map<Long, Integer> removedHigh = new HashMap<>();
  private int lowSize;
  private int highSize;

  void add(long value) {
    if (lowSize == 0 || value <= -low.peek()) {
      low.push(-value);
      lowSize++;
    } else {
      high.push(value);
      highSize++;
    }
    rebalance();
  }

  /** Removes one occurrence; the value must be present. */
  void remove(long value) {
    if (lowSize > 0 && value <= -low.peek()) {
      removedLow.merge(value, 1, Integer::sum);
      lowSize--;
    } else {
      removedHigh.merge(value, 1, Integer::sum);
      highSize--;
    }
    prune();
    rebalance();
  }

  int size() {
    return lowSize + highSize;
  }

  /** The median amount in currency units; NaN when empty. */
  double median() {
    if (size() == 0) {
      return Double.NaN;
    }
    double lo = -low.peek() / 100.0;
    if (lowSize > highSize) {
      return lo;
    }
    double hi = high.peek() / 100.0;
    return lo + 0.5 * (hi - lo);
  }

  // Sizes count live values: low holds as many as high, or one more.
  private void rebalance() {
    if (lowSize > highSize + 1) {
      high.push(-low.pop());
      lowSize--;
      highSize++;
    } else if (lowSize < highSize) {
      low.push(-high.pop());
      highSize--;
      lowSize++;
    }
    prune();
  }

  private void prune() {
    while (!low.isEmpty() && take(removedLow, -low.peek())) {
      low.pop();
    }
    while (!high.isEmpty() && take(removedHigh, high.peek())) {
      high.pop();
    }
  }

  private static boolean take(Map<Long, Integer> removed, long value) {
    if (removed.isEmpty()) {
      return false;
    }
    Integer count = removed.get(value);
    if (count == null) {
      return false;
    }
    if (count == 1) {
      removed.remove(value);
    } else {
      removed.put(value, count - 1);
    }
    return true;
  }

  /** A binary min-heap of longs. */
  private static final class LongHeap {
    private long[] values = new long[4];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long peek() {
      return values[0];
    }

    void push(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (values[parent] <= value) {
          break;
        }
        values[i] = values[parent];
        i = parent;
      }
      values[i] = value;
    }

    long pop() {
      long top = values[0];
      long last = values[--size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && values[child + 1] < values[child]) {
          child++;
        }
        if (values[child] >= last) {
          break;
        }
        values[i] = values[child];
        i = child;
      }
      values[i] = last;
      return top;
    }
  }
}
