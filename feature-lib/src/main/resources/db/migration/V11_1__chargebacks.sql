-- Chargebacks: a card holder disputed a payment as fraud. The fraud label itself goes to transaction_label
-- (source 'chargeback', known_at as below) like every label; this table keeps what the label does not:
-- the reason given and the date reported. One per payment: a second report changes nothing.
CREATE TABLE chargeback (
    transaction_id  text        PRIMARY KEY,
    reason          text        NOT NULL,
    chargeback_date date        NOT NULL,
    known_at        timestamptz NOT NULL,  -- the label's known_at: the end of that date (UTC), or the recording
                                           -- instant if earlier, so no payment before it could have seen it
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
