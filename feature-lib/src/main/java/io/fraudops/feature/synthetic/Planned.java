package io.fraudops.feature.synthetic;

/**
 * A generated row waiting for its simulated time, with what the generator learns when it happens.
 */
record Planned(
    long epochMillis, LabelledTransaction row, int customer, MerchantCategory category) {}
