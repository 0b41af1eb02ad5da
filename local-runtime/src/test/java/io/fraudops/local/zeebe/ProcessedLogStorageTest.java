package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import io.camunda.zeebe.logstreams.storage.LogStorage.CommitListener;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.DirectBufferWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessedLogStorageTest {

  private final ProcessedLogStorage log = new ProcessedLogStorage();
  private final List<String> committed = new ArrayList<>();

  /** Blocks holding positions 1-3, 4-6, 7-9 and 10-12, each named by its first position. */
  @BeforeEach
  void appendFourBlocks() {
    for (long lowest = 1; lowest <= 10; lowest += 3) {
      append(lowest, lowest + 2);
    }
  }

  @Test
  void readsBlocksInPositionOrderAndNotifiesEachCommit() {
    assertThat(readAll(log.newReader()))
        .containsExactly("block-1", "block-4", "block-7", "block-10");
    assertThat(committed).containsExactly("1..3", "4..6", "7..9", "10..12");
    assertThat(log.appendedBlocks()).isEqualTo(4);
  }

  @Test
  void seeksToTheBlockHoldingAPositionOrTheClosestBelowIt() {
    LogStorageReader reader = log.newReader();

    reader.seek(5);
    assertThat(readAll(reader)).containsExactly("block-4", "block-7", "block-10");
    reader.seek(7);
    assertThat(readAll(reader)).containsExactly("block-7", "block-10");
    reader.seek(1_000);
    assertThat(readAll(reader)).containsExactly("block-10");
    reader.seek(-1);
    assertThat(readAll(reader)).hasSize(4);
  }

  @Test
  void dropsBlocksBeforeTheOneHoldingTheProcessedPosition() {
    log.dropProcessedBefore(8);

    // 7-9 still holds 9, which the processor has not reached.
    assertThat(readAll(log.newReader())).containsExactly("block-7", "block-10");
    assertThat(log.retainedBlocks()).isEqualTo(2);
  }

  @Test
  void aReaderSkipsBlocksDroppedUnderIt() {
    LogStorageReader reader = log.newReader();
    assertThat(name(reader.next())).isEqualTo("block-1");

    log.dropProcessedBefore(11);

    assertThat(readAll(reader)).containsExactly("block-10");
  }

  @Test
  void seekingBelowTheRetainedBlocksStartsAtTheFirstRetainedOne() {
    log.dropProcessedBefore(7);
    LogStorageReader reader = log.newReader();

    reader.seek(2);

    assertThat(readAll(reader)).containsExactly("block-7", "block-10");
  }

  @Test
  void readingPastTheEndSaysWhere() {
    LogStorageReader reader = log.newReader();
    readAll(reader);

    assertThat(reader.hasNext()).isFalse();
    assertThatThrownBy(reader::next)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("11");
  }

  @Test
  void notifiesCommitListenersUntilRemoved() {
    AtomicInteger commits = new AtomicInteger();
    CommitListener listener = commits::incrementAndGet;
    log.addCommitListener(listener);
    append(13, 13);
    log.removeCommitListener(listener);
    append(14, 14);

    assertThat(commits).hasValue(1);
  }

  private void append(long lowest, long highest) {
    byte[] data = ("block-" + lowest).getBytes(StandardCharsets.UTF_8);
    log.append(
        lowest,
        highest,
        new DirectBufferWriter().wrap(new UnsafeBuffer(data)),
        new AppendListener() {
          @Override
          public void onCommit(long index, long highestPosition) {
            committed.add(lowest + ".." + highestPosition);
          }
        });
  }

  private static List<String> readAll(LogStorageReader reader) {
    List<String> names = new ArrayList<>();
    while (reader.hasNext()) {
      names.add(name(reader.next()));
    }
    return names;
  }

  private static String name(DirectBuffer block) {
    return block.getStringWithoutLengthUtf8(0, block.capacity());
  }
}
