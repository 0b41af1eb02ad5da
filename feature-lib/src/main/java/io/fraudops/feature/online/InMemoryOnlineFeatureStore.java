package io.fraudops.feature.online;

import io.fraudops.feature.transaction.Transaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link OnlineFeatureStore} in memory, with exactly the semantics of {@link RedisOnlineFeatureStore}
 * (same member encoding, window bounds, trimming and tie order), so a training set built by replaying
 * history here has the features serving will compute. There are no TTLs: memory is bounded by the
 * retention trimming of each customer's events, plus one first-seen mark per merchant, category and
 * country a customer used. Thread-safe.
 */
public final class InMemoryOnlineFeatureStore implements OnlineFeatureStore {

    private final long retentionMillis;
    private final Map<String, CustomerEvents> customers = new ConcurrentHashMap<>();

    public InMemoryOnlineFeatureStore(OnlineStoreSettings settings) {
        this.retentionMillis = Objects.requireNonNull(settings, "settings").eventRetention().toMillis();
    }

    public InMemoryOnlineFeatureStore() {
        this(OnlineStoreSettings.defaults());
    }

    @Override
    public CustomerHistory recordAndRead(Transaction tx) {
        CustomerEvents events = customers.computeIfAbsent(tx.customerId(), id -> new CustomerEvents());
        synchronized (events) {
            return events.recordAndRead(tx, retentionMillis);
        }
    }

    /** One customer's sorted set and first-seen hash. */
    private static final class CustomerEvents {

        private static final byte[] LOWEST_MEMBER = new byte[0];

        private final NavigableSet<Event> byTime = new TreeSet<>(Event.ORDER);
        private final Map<String, Event> byMember = new HashMap<>();
        private final Map<String, Long> firstSeen = new HashMap<>();

        CustomerHistory recordAndRead(Transaction tx, long retentionMillis) {
            long now = tx.epochMillis();
            List<PastTransaction> recent = new ArrayList<>();
            for (Event event : byTime.subSet(new Event(now - HISTORY_WINDOW.toMillis(), LOWEST_MEMBER, null), true,
                    new Event(now, LOWEST_MEMBER, null), false)) {
                recent.add(event.past());
            }
            String merchant = EventMember.merchantField(tx);
            String category = EventMember.categoryField(tx);
            String country = EventMember.countryField(tx);
            CustomerHistory history = CustomerHistory.asOf(now, recent,
                    firstSeen.get(merchant), firstSeen.get(category), firstSeen.get(country));

            add(EventMember.encode(tx), now);
            trimBefore(now - retentionMillis);
            for (String field : List.of(merchant, category, country)) {
                firstSeen.merge(field, now, Math::min);
            }
            return history;
        }

        private void add(String member, long epochMillis) {
            Event previous = byMember.get(member);
            if (previous != null) {
                if (previous.epochMillis() == epochMillis) {
                    return;
                }
                byTime.remove(previous);
            }
            Event event = new Event(epochMillis, member.getBytes(StandardCharsets.UTF_8),
                    EventMember.decode(member, epochMillis));
            byTime.add(event);
            byMember.put(member, event);
        }

        private void trimBefore(long epochMillis) {
            NavigableSet<Event> expired = byTime.headSet(new Event(epochMillis, LOWEST_MEMBER, null), false);
            for (Event event : expired) {
                byMember.remove(new String(event.member(), StandardCharsets.UTF_8));
            }
            expired.clear();
        }
    }

    /** Ordered like a Redis sorted set: by score, then by the member's bytes. */
    private record Event(long epochMillis, byte[] member, PastTransaction past) {

        static final Comparator<Event> ORDER = Comparator.comparingLong(Event::epochMillis)
                .thenComparing(Event::member, Arrays::compareUnsigned);
    }
}
