package io.fraudops.workers.review;

/** Published when a payment starts waiting for an analyst. */
public record ReviewOpened(long processInstanceKey, String transactionId) {}
