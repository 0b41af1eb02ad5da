package io.fraudops.feature.synthetic;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.transaction.CardTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An endless, deterministic stream of labelled payments in timestamp order, starting at {@code
 * settings.start()}: each iteration replays the same stream from the start. Take what you need with
 * {@code stream().limit(n)}.
 */
public final class TransactionGenerator implements Iterable<LabelledTransaction> {

  /**
   * Keys the fingerprints of the made-up card numbers when the caller gives no key. Not a secret:
   * only for synthetic cards, never for a deployment's payments.
   */
  public static final CardTokenizer SYNTHETIC_CARDS =
      new CardTokenizer(
          "fraud-screening synthetic card numbers: this key is not a secret"
              .getBytes(StandardCharsets.US_ASCII));

  private final SyntheticWorld world;
  private final GeneratorSettings settings;
  private final CardTokenizer cards;

  /** Fingerprints under {@link #SYNTHETIC_CARDS}. */
  public TransactionGenerator(SyntheticWorld world, GeneratorSettings settings) {
    this(world, settings, SYNTHETIC_CARDS);
  }

  /**
   * @param cards tokenizes each payment's card for its {@link LabelledTransaction#transaction()};
   *     pass the deployment's, so synthetic history and screened payments share fingerprints
   */
  public TransactionGenerator(
      SyntheticWorld world, GeneratorSettings settings, CardTokenizer cards) {
    this.world = Objects.requireNonNull(world, "world");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cards = Objects.requireNonNull(cards, "cards");
  }

  @Override
  public Iterator<LabelledTransaction> iterator() {
    return new GeneratorRun(world, settings, cards);
  }

  public Stream<LabelledTransaction> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * The same payments as {@link #stream()}, valid ones only, with their labels interleaved: see
   * {@link LabelledHistory}.
   */
  public Stream<HistoryEvent> history() {
    return LabelledHistory.of(stream(), settings.seed());
  }

  public SyntheticWorld world() {
    return world;
  }

  public GeneratorSettings settings() {
    return settings;
  }
}
