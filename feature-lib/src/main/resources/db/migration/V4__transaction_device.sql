-- Catalogue v2 counts payments per device: keep the device a payment came from.
ALTER TABLE card_transaction ADD COLUMN device_id text;
CREATE INDEX card_transaction_device ON card_transaction (device_id, occurred_at) WHERE device_id IS NOT NULL;
