package io.fraudops.feature.synthetic;

import io.fraudops.feature.history.HistoryEvent;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An endless, deterministic stream of labelled payments in timestamp order, starting at
 * {@code settings.start()}: each iteration replays the same stream from the start. Take what you need
 * with {@code stream().limit(n)}.
 */
public final class TransactionGenerator implements Iterable<LabelledTransaction> {

    private final SyntheticWorld world;
    private final GeneratorSettings settings;

    public TransactionGenerator(SyntheticWorld world, GeneratorSettings settings) {
        this.world = Objects.requireNonNull(world, "world");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Iterator<LabelledTransaction> iterator() {
        return new GeneratorRun(world, settings);
    }

    public Stream<LabelledTransaction> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The same payments as {@link #stream()}, valid ones only, with their labels interleaved: see {@link LabelledHistory}. */
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
