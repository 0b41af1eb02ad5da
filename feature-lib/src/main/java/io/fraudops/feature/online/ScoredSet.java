package io.fraudops.feature.online;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Redis sorted set in memory, with exactly the operations and order the Lua scripts use: by
 * score, then by the member's bytes. Not thread-safe; the in-memory store guards it.
 *
 * <p>Kept as a treap whose nodes know the size of their subtree, so {@link #count} is two rank
 * lookups, logarithmic like Redis's ZCOUNT: a point-in-time export counts a category's 90 days of
 * labels (tens of thousands) for every payment, which a walk over the window made quadratic.
 */
final class ScoredSet {

  private static final byte[] LOWEST_MEMBER = new byte[0];

  private final Map<String, Entry> byMember = new HashMap<>();
  private Node root;

  /**
   * Heap priorities only shape the tree, never the answers; a fixed seed keeps runs reproducible.
   */
  private long priorities = 0x9E3779B97F4A7C15L;

  // The two halves of the last split (a pair without an allocation per call).
  private Node lower;
  private Node upper;

  /**
   * @param value what the caller derived from the member and score, kept to save deriving it again;
   *     may be null
   */
  record Entry(long score, byte[] bytes, String member, Object value) {

    static final Comparator<Entry> ORDER =
        Comparator.comparingLong(Entry::score).thenComparing(Entry::bytes, Arrays::compareUnsigned);
  }

  private static final class Node {
    final Entry entry;
    final int priority;
    int size = 1;
    Node left;
    Node right;

    Node(Entry entry, int priority) {
      this.entry = entry;
      this.priority = priority;
    }
  }

  /** ZADD: true when the member is new; an existing member moves to the new score. */
  boolean add(String member, long score) {
    return add(member, score, null);
  }

  /**
   * As {@link #add(String, long)}, keeping {@code value} with the member (replaced when the score
   * moves).
   */
  boolean add(String member, long score, Object value) {
    Entry previous = byMember.get(member);
    if (previous != null) {
      if (previous.score() != score) {
        root = delete(root, previous);
        put(member, score, value);
      }
      return false;
    }
    put(member, score, value);
    return true;
  }

  /** ZADD NX: true when the member is new; an existing member keeps its score. */
  boolean addIfAbsent(String member, long score) {
    if (byMember.containsKey(member)) {
      return false;
    }
    put(member, score, null);
    return true;
  }

  /** ZRANGEBYSCORE from (to: members with from <= score < to, in order. */
  List<Entry> range(long from, long to) {
    List<Entry> entries = new ArrayList<>();
    if (from < to) {
      collect(root, bound(from), bound(to), entries);
    }
    return entries;
  }

  /** ZCOUNT from (to, in logarithmic time. */
  int count(long from, long to) {
    if (from >= to) {
      return 0;
    }
    return rank(bound(to)) - rank(bound(from));
  }

  /** ZREMRANGEBYSCORE -inf (before. */
  void removeBelow(long before) {
    // Mostly nothing has expired since the last call: a look at the lowest score saves the split.
    Node lowest = root;
    while (lowest != null && lowest.left != null) {
      lowest = lowest.left;
    }
    if (lowest == null || lowest.entry.score() >= before) {
      return;
    }
    split(root, bound(before));
    Node expired = lower;
    root = upper;
    forget(expired);
  }

  int size() {
    return byMember.size();
  }

  private void put(String member, long score, Object value) {
    Entry entry = new Entry(score, member.getBytes(StandardCharsets.UTF_8), member, value);
    root = insert(root, new Node(entry, nextPriority()));
    byMember.put(member, entry);
  }

  /** The first entry of a score: below every member of it. */
  private static Entry bound(long score) {
    return new Entry(score, LOWEST_MEMBER, null, null);
  }

  private static int compare(Entry a, Entry b) {
    int byScore = Long.compare(a.score(), b.score());
    return byScore != 0 ? byScore : Arrays.compareUnsigned(a.bytes(), b.bytes());
  }

  /** How many entries are below {@code key}. */
  private int rank(Entry key) {
    int below = 0;
    Node node = root;
    while (node != null) {
      if (compare(node.entry, key) < 0) {
        below += size(node.left) + 1;
        node = node.right;
      } else {
        node = node.left;
      }
    }
    return below;
  }

  private static void collect(Node node, Entry from, Entry to, List<Entry> into) {
    if (node == null) {
      return;
    }
    boolean aboveFrom = compare(node.entry, from) >= 0;
    boolean belowTo = compare(node.entry, to) < 0;
    if (aboveFrom) {
      collect(node.left, from, to, into);
    }
    if (aboveFrom && belowTo) {
      into.add(node.entry);
    }
    if (belowTo) {
      collect(node.right, from, to, into);
    }
  }

  /** Splits into {@link #lower} (entries below {@code key}) and {@link #upper} (the rest). */
  private void split(Node node, Entry key) {
    if (node == null) {
      lower = null;
      upper = null;
      return;
    }
    if (compare(node.entry, key) < 0) {
      split(node.right, key);
      node.right = lower;
      resize(node);
      lower = node;
    } else {
      split(node.left, key);
      node.left = upper;
      resize(node);
      upper = node;
    }
  }

  /** Down to where the node's priority belongs, then splits only the small subtree below it. */
  private Node insert(Node node, Node fresh) {
    if (node == null) {
      return fresh;
    }
    if (fresh.priority > node.priority) {
      split(node, fresh.entry);
      fresh.left = lower;
      fresh.right = upper;
      resize(fresh);
      return fresh;
    }
    if (compare(fresh.entry, node.entry) < 0) {
      node.left = insert(node.left, fresh);
    } else {
      node.right = insert(node.right, fresh);
    }
    node.size++;
    return node;
  }

  /** Joins two treaps, every entry of {@code a} below every entry of {@code b}. */
  private static Node merge(Node a, Node b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.priority > b.priority) {
      a.right = merge(a.right, b);
      resize(a);
      return a;
    }
    b.left = merge(a, b.left);
    resize(b);
    return b;
  }

  private static Node delete(Node node, Entry entry) {
    if (node == null) {
      return null;
    }
    int order = compare(entry, node.entry);
    if (order == 0) {
      return merge(node.left, node.right);
    }
    if (order < 0) {
      node.left = delete(node.left, entry);
    } else {
      node.right = delete(node.right, entry);
    }
    resize(node);
    return node;
  }

  private void forget(Node node) {
    if (node == null) {
      return;
    }
    byMember.remove(node.entry.member());
    forget(node.left);
    forget(node.right);
  }

  private static int size(Node node) {
    return node == null ? 0 : node.size;
  }

  private static void resize(Node node) {
    node.size = 1 + size(node.left) + size(node.right);
  }

  private int nextPriority() {
    // xorshift64: cheap, and good enough to keep the treap balanced in expectation.
    priorities ^= priorities << 13;
    priorities ^= priorities >>> 7;
    priorities ^= priorities << 17;
    return (int) (priorities >>> 32);
  }
}
