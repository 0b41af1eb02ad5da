package io.fraudops.cli.e2e;

import io.fraudops.feature.transaction.Transaction;
import java.util.Map;

/**
 * One synthetic payment: the payload a payment system sends (clear card number included, as to
 * {@code POST /transactions}), and its parsed form for the no-op pipeline, which gets only the
 * masked card.
 */
record BenchPayment(String transactionId, Map<String, Object> payload, Transaction transaction) {}
