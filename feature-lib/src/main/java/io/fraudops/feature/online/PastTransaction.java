package io.fraudops.feature.online;

/** What the online store remembers of an earlier transaction: just enough for velocity and travel features. */
public record PastTransaction(long epochMillis, double amount, Double latitude, Double longitude) {

    public PastTransaction {
        if (!Double.isFinite(amount) || amount <= 0) {
            throw new IllegalArgumentException("amount must be a positive number (got " + amount + ")");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude must both be present or both absent");
        }
    }

    public boolean hasLocation() {
        return latitude != null;
    }
}
