package io.fraudops.feature.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void keepsTheOrderAcrossChunks() {
    try (Stream<Integer> ahead = ReadAhead.of(IntStream.range(0, 10_500).boxed(), 1_000, 3)) {
      assertThat(ahead.toList())
          .containsExactlyElementsOf(IntStream.range(0, 10_500).boxed().toList());
    }
  }

  @Test
  void aFailureOfTheSourceSurfacesInTheCallerAfterTheRowsBeforeIt() {
    Stream<Integer> failing =
        IntStream.range(0, 2_500)
            .boxed()
            .map(
                i -> {
                  if (i == 2_100) {
                    throw new IllegalStateException("the database went away");
                  }
                  return i;
                });
    try (Stream<Integer> ahead = ReadAhead.of(failing, 1_000, 2)) {
      Iterator<Integer> rows = ahead.iterator();
      for (int i = 0; i < 2_000; i++) {
        assertThat(rows.next()).isEqualTo(i);
      }
      assertThatThrownBy(rows::hasNext).hasMessage("the database went away");
    }
  }

  @Test
  void closingEarlyStopsTheReaderAndClosesTheSource() {
    AtomicBoolean sourceClosed = new AtomicBoolean();
    Stream<Integer> endless = Stream.iterate(0, i -> i + 1).onClose(() -> sourceClosed.set(true));
    try (Stream<Integer> ahead = ReadAhead.of(endless, 100, 2)) {
      assertThat(ahead.limit(350).toList()).hasSize(350);
    }
    assertThat(sourceClosed).isTrue();
  }
}
