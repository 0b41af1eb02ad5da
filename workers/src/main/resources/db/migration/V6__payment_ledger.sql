-- The payment ledger: the source of truth for each payment's state, written before its process instance is
-- started (an outbox), so a payment accepted and then lost by the engine (the embedded engine keeps nothing
-- across a restart; a create call to a cluster can fail after acceptance) is started again, and a waiting
-- review is re-opened. One row per transaction id; the same id with another payload is refused.
CREATE TABLE payment (
    transaction_id       text PRIMARY KEY,
    payload_digest       text        NOT NULL,  -- SHA-256 of the tokenized, normalised payload
    payload              jsonb       NOT NULL,  -- that payload: card masked with its keyed fingerprint, never clear
    status               text        NOT NULL CHECK (status IN
                             ('RECEIVED', 'SCREENING', 'REVIEW_PENDING', 'DECIDED', 'REVIEWED', 'REJECTED')),
    source               text        NOT NULL,  -- 'api' (POST /transactions, replay) or 'gateway' (created directly)
    process_instance_key bigint,                -- the payment's current instance; a stale one may not decide
    engine_epoch         text,                  -- which engine holds that instance (the embedded one: per start)
    attempts             integer     NOT NULL DEFAULT 0,
    outcome              text        CHECK (outcome IN ('APPROVED', 'DECLINED', 'REJECTED')),
    decided_by           text,
    dmn_rule             text,
    reason               text,
    score                double precision,
    model_version        text,
    top_reasons          jsonb,
    review_context       jsonb,                 -- what a re-opened review needs (score, decision, features, ...)
    received_at          timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX payment_open ON payment (status, updated_at)
    WHERE status IN ('RECEIVED', 'SCREENING', 'REVIEW_PENDING');

-- Every state change of a payment, for GET /transactions/{id} and for support.
CREATE TABLE payment_event (
    id                   bigserial PRIMARY KEY,
    transaction_id       text        NOT NULL REFERENCES payment (transaction_id),
    at                   timestamptz NOT NULL,
    status               text        NOT NULL,
    process_instance_key bigint,
    detail               text
);

CREATE INDEX payment_event_transaction ON payment_event (transaction_id, id);
