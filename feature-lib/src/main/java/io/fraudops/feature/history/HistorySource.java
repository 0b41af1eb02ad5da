package io.fraudops.feature.history;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A history that can be read more than once: a point-in-time export reads its labels first (to know
 * each payment's final label without holding the rows), then the whole history. Streams must be
 * closed.
 */
public interface HistorySource {

  /** Payments and labels in {@link HistoryEvent#at()} order. */
  Stream<HistoryEvent> events();

  /** The labels of {@link #events()}, in the same order. */
  Stream<LabelEvent> labels();

  /** How many payments {@link #events()} holds, when known cheaply (for progress lines). */
  default OptionalLong payments() {
    return OptionalLong.empty();
  }

  /** A history held in memory. */
  static HistorySource of(List<HistoryEvent> events) {
    List<HistoryEvent> copy = List.copyOf(events);
    return new HistorySource() {
      @Override
      public Stream<HistoryEvent> events() {
        return copy.stream();
      }

      @Override
      public Stream<LabelEvent> labels() {
        return copy.stream().filter(LabelEvent.class::isInstance).map(LabelEvent.class::cast);
      }

      @Override
      public OptionalLong payments() {
        return OptionalLong.of(
            copy.stream().filter(HistoryEvent.Payment.class::isInstance).count());
      }
    };
  }
}
