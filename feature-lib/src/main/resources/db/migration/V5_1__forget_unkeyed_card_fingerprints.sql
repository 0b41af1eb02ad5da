-- Until this version card_fingerprint was an unkeyed SHA-256 of the card number: with the 6+4 mask
-- beside it, the number came back by brute force in seconds. Those fingerprints cannot be re-keyed
-- (the numbers are gone, as they should be), so they are forgotten. Every row written with this
-- version or later carries the keyed HMAC-SHA-256 fingerprint (CardTokenizer), so the update only
-- ever meets unkeyed ones. Version 5.1: between the audit's V5 and whatever comes next.
UPDATE card_transaction SET card_fingerprint = NULL WHERE card_fingerprint IS NOT NULL;
