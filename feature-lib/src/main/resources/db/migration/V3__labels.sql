-- Fraud labels, each with the instant it became known: an analyst's verdict minutes after the payment,
-- a chargeback weeks later, or a label imported with a backfill. A payment may carry one label per
-- source, known at different instants, which the single fraud_label/label_source pair of
-- card_transaction (V1, left unused) cannot express; point-in-time exports need every one of them.
--
-- No foreign key to card_transaction: a chargeback may be reported for a payment the ledger has not
-- loaded yet. The history stream only shows labels whose payment is in the ledger.

CREATE TABLE transaction_label (
    transaction_id text        NOT NULL,
    fraud          boolean     NOT NULL,
    source         text        NOT NULL CHECK (source IN ('analyst', 'chargeback', 'import')),
    known_at       timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (transaction_id, source)
);

-- The history stream reads labels in the order they became known.
CREATE INDEX transaction_label_known_at ON transaction_label (known_at, transaction_id, source);

-- ... and payments in time order, with the same tie-break, so both sides can be merged without a sort.
CREATE INDEX card_transaction_time ON card_transaction (occurred_at, transaction_id);
