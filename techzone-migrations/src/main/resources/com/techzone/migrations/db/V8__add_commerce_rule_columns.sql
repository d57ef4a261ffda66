-- Commerce rules (issue 15): what a checkout's idempotency key was first used for, whether a review
-- is a verified purchase, whether a cancellation or refund put the units back on the shelf.
-- Nullable columns without default: adding one only updates the catalog (no rewrite, no scan), so
-- the ACCESS EXCLUSIVE lock lasts milliseconds once it is granted; lock_timeout bounds the wait.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- SHA-256 (hex) of the checkout request an idempotency key was first used with; NULL for orders
-- placed without a key or before this migration (their replays are not compared).
ALTER TABLE orders ADD COLUMN idempotency_fingerprint text;

-- Whether the author had a delivered order with the product (or a completed booking of the
-- service) when writing the review; NULL for reviews written before this migration (not verified).
ALTER TABLE reviews ADD COLUMN verified_purchase boolean;

-- On the history row of a cancellation or refund: whether its units went back into stock.
-- NULL on every other move.
ALTER TABLE order_status_history ADD COLUMN restocked boolean;
