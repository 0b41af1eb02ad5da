package io.fraudops.feature.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScoredSetTest {

  /** The plain sorted set the treap replaced: obviously right, linear counts. */
  private static final class Reference {
    final NavigableSet<ScoredSet.Entry> byScore = new TreeSet<>(ScoredSet.Entry.ORDER);
    final Map<String, ScoredSet.Entry> byMember = new HashMap<>();

    boolean add(String member, long score, boolean onlyIfAbsent) {
      ScoredSet.Entry previous = byMember.get(member);
      if (previous != null) {
        if (!onlyIfAbsent && previous.score() != score) {
          byScore.remove(previous);
          put(member, score);
        }
        return false;
      }
      put(member, score);
      return true;
    }

    void put(String member, long score) {
      ScoredSet.Entry entry =
          new ScoredSet.Entry(score, member.getBytes(StandardCharsets.UTF_8), member, null);
      byScore.add(entry);
      byMember.put(member, entry);
    }

    List<String> range(long from, long to) {
      return from >= to
          ? List.of()
          : slice(from, to).stream().map(ScoredSet.Entry::member).toList();
    }

    NavigableSet<ScoredSet.Entry> slice(long from, long to) {
      return byScore.subSet(
          new ScoredSet.Entry(from, new byte[0], null, null),
          true,
          new ScoredSet.Entry(to, new byte[0], null, null),
          false);
    }

    void removeBelow(long before) {
      NavigableSet<ScoredSet.Entry> expired =
          byScore.headSet(new ScoredSet.Entry(before, new byte[0], null, null), false);
      expired.forEach(e -> byMember.remove(e.member()));
      expired.clear();
    }
  }

  @Test
  void answersExactlyAsASortedSetThroughRandomAddsMovesAndTrims() {
    Random random = new Random(3);
    ScoredSet set = new ScoredSet();
    Reference reference = new Reference();
    for (int step = 0; step < 15_000; step++) {
      // Few distinct scores and members, so ties, moves and re-adds are frequent.
      String member = "m" + random.nextInt(2_000) + (random.nextBoolean() ? "é" : "");
      long score = random.nextInt(5_000);
      int operation = random.nextInt(100);
      if (operation < 45) {
        assertThat(set.add(member, score)).isEqualTo(reference.add(member, score, false));
      } else if (operation < 70) {
        assertThat(set.addIfAbsent(member, score)).isEqualTo(reference.add(member, score, true));
      } else if (operation < 72) {
        long before = random.nextInt(2_000);
        set.removeBelow(before);
        reference.removeBelow(before);
      } else {
        long from = random.nextInt(5_200) - 100;
        long to = from + random.nextInt(2_500) - 200;
        assertThat(set.count(from, to))
            .as("count %d %d", from, to)
            .isEqualTo(reference.range(from, to).size());
        assertThat(set.range(from, to))
            .extracting(ScoredSet.Entry::member)
            .containsExactlyElementsOf(reference.range(from, to));
      }
      assertThat(set.size()).isEqualTo(reference.byMember.size());
    }
    assertThat(set.range(Long.MIN_VALUE, Long.MAX_VALUE))
        .extracting(ScoredSet.Entry::member)
        .containsExactlyElementsOf(reference.range(Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Test
  void membersOfOneScoreAreOrderedByTheirBytesAsRedisDoes() {
    ScoredSet set = new ScoredSet();
    set.add("b", 5);
    set.add("a", 5);
    set.add("é", 5); // 0xC3 0xA9: above every ASCII byte, unsigned
    set.add("z", 4);

    assertThat(set.range(0, 10))
        .extracting(ScoredSet.Entry::member)
        .containsExactly("z", "a", "b", "é");
    assertThat(set.count(5, 6)).isEqualTo(3);
    assertThat(set.count(6, 5)).isZero();
  }
}
