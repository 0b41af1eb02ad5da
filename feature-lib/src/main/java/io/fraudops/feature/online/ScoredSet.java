package io.fraudops.feature.online;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A Redis sorted set in memory, with exactly the operations and order the Lua scripts use: by
 * score, then by the member's bytes. Not thread-safe; the in-memory store guards it.
 */
final class ScoredSet {

  private static final byte[] LOWEST_MEMBER = new byte[0];

  private final NavigableSet<Entry> byScore = new TreeSet<>(Entry.ORDER);
  private final Map<String, Entry> byMember = new HashMap<>();

  record Entry(long score, byte[] bytes, String member) {

    static final Comparator<Entry> ORDER =
        Comparator.comparingLong(Entry::score).thenComparing(Entry::bytes, Arrays::compareUnsigned);
  }

  /** ZADD: true when the member is new; an existing member moves to the new score. */
  boolean add(String member, long score) {
    Entry previous = byMember.get(member);
    if (previous != null) {
      if (previous.score() != score) {
        byScore.remove(previous);
        put(member, score);
      }
      return false;
    }
    put(member, score);
    return true;
  }

  /** ZADD NX: true when the member is new; an existing member keeps its score. */
  boolean addIfAbsent(String member, long score) {
    if (byMember.containsKey(member)) {
      return false;
    }
    put(member, score);
    return true;
  }

  /** ZRANGEBYSCORE from (to: members with from <= score < to. */
  List<Entry> range(long from, long to) {
    return new ArrayList<>(slice(from, to));
  }

  /** ZCOUNT from (to. */
  int count(long from, long to) {
    return slice(from, to).size();
  }

  /** ZREMRANGEBYSCORE -inf (before. */
  void removeBelow(long before) {
    NavigableSet<Entry> expired = byScore.headSet(new Entry(before, LOWEST_MEMBER, null), false);
    for (Entry entry : expired) {
      byMember.remove(entry.member());
    }
    expired.clear();
  }

  int size() {
    return byMember.size();
  }

  private NavigableSet<Entry> slice(long from, long to) {
    if (from >= to) {
      return new TreeSet<>(Entry.ORDER);
    }
    return byScore.subSet(
        new Entry(from, LOWEST_MEMBER, null), true, new Entry(to, LOWEST_MEMBER, null), false);
  }

  private void put(String member, long score) {
    Entry entry = new Entry(score, member.getBytes(StandardCharsets.UTF_8), member);
    byScore.add(entry);
    byMember.put(member, entry);
  }
}
