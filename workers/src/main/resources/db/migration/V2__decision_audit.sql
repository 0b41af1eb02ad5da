-- One row per screened transaction: the final decision and what it was based on.
-- audit_key is the transaction id, or 'rejected-<instance key>-<payload digest>' for a rejected payload,
-- so a redelivered record-decision job can never write a second row.
CREATE TABLE decision_audit (
    audit_key            text PRIMARY KEY,
    transaction_id       text,
    process_instance_key bigint      NOT NULL,
    outcome              text        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED', 'REJECTED')),
    routed_to            text,       -- what the DMN table said: APPROVE, DECLINE or REVIEW; null when rejected
    decided_by           text        NOT NULL, -- 'engine' or the analyst
    score                double precision,
    model_version        text,
    dmn_rule             text,
    reason               text,
    review_comment       text,
    top_reasons          jsonb,
    latency_ms           bigint,     -- from receipt of the payment to this record
    decided_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX decision_audit_decided_at ON decision_audit (decided_at);
CREATE INDEX decision_audit_transaction ON decision_audit (transaction_id);
