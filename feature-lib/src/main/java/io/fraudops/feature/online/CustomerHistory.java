package io.fraudops.feature.online;

import java.util.List;
import java.util.Objects;

/**
 * A customer's recent behaviour as it was just before one transaction.
 *
 * @param recent                  transactions strictly before it and at most 24 h older, oldest first
 * @param merchantFirstSeenMillis when the customer first paid this merchant, null if never; a value at
 *                                or after the transaction's own timestamp means this transaction is the
 *                                first, so a replay of it still reads "first time"
 * @param categoryFirstSeenMillis same, for the merchant category
 * @param countryFirstSeenMillis  same, for the country
 */
public record CustomerHistory(
        List<PastTransaction> recent,
        Long merchantFirstSeenMillis,
        Long categoryFirstSeenMillis,
        Long countryFirstSeenMillis) {

    private static final CustomerHistory EMPTY = new CustomerHistory(List.of(), null, null, null);

    public CustomerHistory {
        recent = List.copyOf(Objects.requireNonNull(recent, "recent"));
        for (int i = 1; i < recent.size(); i++) {
            if (recent.get(i).epochMillis() < recent.get(i - 1).epochMillis()) {
                throw new IllegalArgumentException("recent transactions must be oldest first");
            }
        }
    }

    /**
     * The history as of a transaction at {@code epochMillis}: first-seen marks at or after it (left by
     * this very transaction, or by a later one that arrived first) read as never seen. Stores build
     * histories this way so a replayed transaction gets exactly the history of its first recording.
     */
    public static CustomerHistory asOf(long epochMillis, List<PastTransaction> recent, Long merchantFirstSeenMillis,
                                       Long categoryFirstSeenMillis, Long countryFirstSeenMillis) {
        return new CustomerHistory(recent, before(merchantFirstSeenMillis, epochMillis),
                before(categoryFirstSeenMillis, epochMillis), before(countryFirstSeenMillis, epochMillis));
    }

    private static Long before(Long firstSeenMillis, long epochMillis) {
        return firstSeenMillis != null && firstSeenMillis < epochMillis ? firstSeenMillis : null;
    }

    /** A customer never seen before. */
    public static CustomerHistory empty() {
        return EMPTY;
    }
}
