package io.fraudops.workers.audit;

import io.fraudops.workers.process.FinalOutcome;

/** Published once a final decision is in the audit table (also when it already was). */
public record DecisionRecorded(
    long processInstanceKey, String auditKey, FinalOutcome outcome, boolean firstTime) {}
