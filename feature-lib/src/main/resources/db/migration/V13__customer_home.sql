-- Homes customers declared (the address columns of a history file, e.g. lat/long in public card
-- datasets), each valid from the first payment that carried it. Profiles take the latest declaration
-- at or before an instant as the customer's home, instead of guessing it from payment locations, and a
-- point-in-time export reads it as of each payment. One row per change, not per payment.

CREATE TABLE customer_home (
    customer_id    text             NOT NULL,
    declared_at    timestamptz      NOT NULL,
    home_latitude  double precision NOT NULL CHECK (home_latitude BETWEEN -90 AND 90),
    home_longitude double precision NOT NULL CHECK (home_longitude BETWEEN -180 AND 180),
    PRIMARY KEY (customer_id, declared_at)
);
