package io.fraudops.feature.offline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream read on its own thread, a bounded number of chunks ahead: reading and decoding rows then
 * overlaps with what the caller does with them. Closing the returned stream stops the thread and
 * closes the source; a failure of the source surfaces, as is, in the caller's thread.
 */
final class ReadAhead<T> implements Iterator<T> {

  private static final Object END = new Object();

  private final BlockingQueue<Object> chunks;
  private final Thread reader;
  private volatile boolean closed;
  private Iterator<T> current = List.<T>of().iterator();
  private boolean ended;

  private ReadAhead(Stream<T> source, int chunkSize, int chunksAhead) {
    this.chunks = new ArrayBlockingQueue<>(chunksAhead);
    this.reader =
        Thread.ofPlatform()
            .daemon()
            .name("history-read-ahead")
            .start(
                () -> {
                  try (source) {
                    Iterator<T> rows = source.iterator();
                    List<T> chunk = new ArrayList<>(chunkSize);
                    while (!closed && rows.hasNext()) {
                      chunk.add(rows.next());
                      if (chunk.size() == chunkSize) {
                        offer(chunk);
                        chunk = new ArrayList<>(chunkSize);
                      }
                    }
                    if (!chunk.isEmpty()) {
                      offer(chunk);
                    }
                    offer(END);
                  } catch (RuntimeException | Error e) {
                    offer(e);
                  }
                });
  }

  static <T> Stream<T> of(Stream<T> source, int chunkSize, int chunksAhead) {
    ReadAhead<T> ahead = new ReadAhead<>(source, chunkSize, chunksAhead);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(ahead, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(ahead::close);
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (ended) {
        return false;
      }
      Object next;
      try {
        next = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the history", e);
      }
      if (next == END) {
        ended = true;
        return false;
      }
      if (next instanceof RuntimeException failure) {
        ended = true;
        throw failure;
      }
      if (next instanceof Error failure) {
        ended = true;
        throw failure;
      }
      current = ((List<T>) next).iterator();
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void close() {
    closed = true;
    // Make room so a reader blocked on a full queue sees the flag, then wait for it to close the
    // source.
    while (reader.isAlive()) {
      chunks.clear();
      try {
        reader.join(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void offer(Object item) {
    try {
      while (!closed && !chunks.offer(item, 50, TimeUnit.MILLISECONDS)) {
        // waiting for the caller, or for close()
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
