package io.fraudops.workers.payment;

import java.time.Instant;

/** One state change of a payment. */
public record PaymentEvent(
    Instant at, PaymentStatus status, Long processInstanceKey, String detail) {}
