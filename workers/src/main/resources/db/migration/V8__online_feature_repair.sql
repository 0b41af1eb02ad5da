-- Payments and labels the online store (Redis) missed while it was unavailable, by transaction id.
-- The payment itself is in card_transaction (and its labels in transaction_label); the workers replay
-- them into Redis once it is back, then delete the row. Replaying is idempotent by transaction id.
CREATE TABLE online_feature_repair (
  transaction_id TEXT PRIMARY KEY,
  queued_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX online_feature_repair_queued ON online_feature_repair (queued_at, transaction_id);
