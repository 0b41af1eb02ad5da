package io.fraudops.workers.audit;

/** Published once a final decision is in the audit table (also when it already was). */
public record DecisionRecorded(long processInstanceKey, String auditKey, String outcome, boolean firstTime) {}
