package io.fraudops.local.zeebe;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's log, in memory, keeping only what has not been processed yet.
 *
 * <p>In a broker the log is the durable record the state is rebuilt from, so it is only compacted
 * behind a snapshot. Here the state lives and dies with the process and nothing exports, so the
 * stream processor is the log's one reader: once it has processed a position, every block before
 * the one holding that position can go. That keeps the log to a handful of blocks whatever the
 * number of instances run, where zeebe-process-test's log keeps every record for ever.
 *
 * <p>Blocks are kept by their lowest position, so seeking is a floor lookup and readers survive
 * blocks being dropped under them (they only ever ask for the next higher key).
 */
final class ProcessedLogStorage implements LogStorage {

  /** Each block's bytes by the lowest position in it. */
  private final ConcurrentSkipListMap<Long, byte[]> blocks = new ConcurrentSkipListMap<>();

  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private final AtomicLong appendedBlocks = new AtomicLong();
  private volatile long highestPosition;

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    // Own copy: the writer's buffer is reused by the sequencer after this call returns.
    byte[] data = new byte[writer.getLength()];
    writer.write(new UnsafeBuffer(data), 0);
    long index;
    // One appender at a time keeps blocks, indexes and commit notifications in position order.
    synchronized (this) {
      blocks.put(lowestPosition, data);
      index = appendedBlocks.incrementAndGet();
      this.highestPosition = highestPosition;
      // Nothing is replicated or flushed, so a block is committed as soon as it is written.
      listener.onWrite(index, highestPosition);
      listener.onCommit(index, highestPosition);
    }
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  /**
   * Drops every block before the one holding {@code processedPosition}. That block itself stays: it
   * may hold later records the processor has not reached yet.
   */
  void dropProcessedBefore(long processedPosition) {
    Long holding = blocks.floorKey(processedPosition);
    if (holding != null) {
      blocks.headMap(holding, false).clear();
    }
  }

  /** How many blocks were ever appended; it moves whenever the engine writes anything. */
  long appendedBlocks() {
    return appendedBlocks.get();
  }

  /**
   * The position of the newest record written. Positions count records one by one from 1, so the
   * difference between two readings is the number of records written in between.
   */
  long highestPosition() {
    return highestPosition;
  }

  /** How many blocks are held now (walks the map: for diagnostics and tests, not hot paths). */
  int retainedBlocks() {
    return blocks.size();
  }

  /**
   * Iterates blocks in position order. {@code nextFrom} is a lowest-position bound: {@link #next()}
   * returns the first block at or above it, so dropped blocks are simply never found.
   */
  private final class Reader implements LogStorageReader {

    private long nextFrom = Long.MIN_VALUE;

    @Override
    public void seek(long position) {
      // Contract: the block holding position, else the closest block below it, else the first.
      Long holding = position < 0 ? null : blocks.floorKey(position);
      nextFrom = holding == null ? Long.MIN_VALUE : holding;
    }

    @Override
    public boolean hasNext() {
      return blocks.ceilingKey(nextFrom) != null;
    }

    @Override
    public DirectBuffer next() {
      Map.Entry<Long, byte[]> entry = blocks.ceilingEntry(nextFrom);
      if (entry == null) {
        throw new NoSuchElementException("No block at or after position " + nextFrom);
      }
      nextFrom = entry.getKey() + 1;
      // A fresh read-only view per call: readers wrap it, and must not share cursor state.
      return new UnsafeBuffer(entry.getValue());
    }

    @Override
    public void close() {}
  }
}
