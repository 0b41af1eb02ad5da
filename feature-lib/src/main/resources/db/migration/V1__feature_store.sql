-- Feature store, offline side: customer profiles (batch-refreshed inputs to the features) and the
-- ledger of screened transactions (the history training sets are rebuilt from, labels added later).
-- Card numbers are never stored: only their mask and SHA-256 fingerprint.

CREATE TABLE customer_profile (
    customer_id     text             PRIMARY KEY,
    home_latitude   double precision NULL CHECK (home_latitude BETWEEN -90 AND 90),
    home_longitude  double precision NULL CHECK (home_longitude BETWEEN -180 AND 180),
    -- A statistic, not money: double precision keeps the value the features were trained on bit for bit.
    usual_amount    double precision NOT NULL CHECK (usual_amount > 0),
    time_zone       text             NULL,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    CHECK ((home_latitude IS NULL) = (home_longitude IS NULL))
);

CREATE TABLE card_transaction (
    transaction_id    text           PRIMARY KEY,
    customer_id       text           NOT NULL,
    card_fingerprint  char(64)       NULL,
    card_masked       text           NULL,
    amount            numeric(12, 2) NOT NULL CHECK (amount > 0),
    currency          char(3)        NOT NULL,
    merchant_id       text           NOT NULL,
    merchant_category text           NOT NULL,
    country           char(2)        NOT NULL,
    latitude          double precision NULL,
    longitude         double precision NULL,
    channel           text           NOT NULL,
    occurred_at       timestamptz    NOT NULL,
    recorded_at       timestamptz    NOT NULL DEFAULT now(),
    fraud_label       boolean        NULL,
    label_source      text           NULL
);

CREATE INDEX card_transaction_customer_time ON card_transaction (customer_id, occurred_at);
