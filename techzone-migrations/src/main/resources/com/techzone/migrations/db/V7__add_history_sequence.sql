-- A strict order of each order's status history and each product's stock ledger. Two rows written
-- in one transaction share created_at (now() is the transaction's start) and their UUIDv7 ids can
-- sort either way within a millisecond; seq, drawn from a sequence at insert, cannot tie and follows
-- the order of the inserts (the order and product rows are locked while their rows are written).
-- Live-safe: the columns are added without a default (no table rewrite), the default is set
-- afterwards and applies to new rows only. Rows written before this migration keep seq NULL and
-- sort before every newer row, by (created_at, id) as before.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- The ledger first, then the history: the order in which a checkout's statement locks them, so a
-- checkout holding one while waiting for the other cannot deadlock with this migration (measured by
-- the migrate-live benchmark: the opposite order deadlocked a checkout).
CREATE SEQUENCE inventory_logs_seq AS bigint;
ALTER TABLE inventory_logs ADD COLUMN seq bigint;
ALTER TABLE inventory_logs ALTER COLUMN seq SET DEFAULT nextval('inventory_logs_seq');
ALTER SEQUENCE inventory_logs_seq OWNED BY inventory_logs.seq;

CREATE SEQUENCE order_status_history_seq AS bigint;
ALTER TABLE order_status_history ADD COLUMN seq bigint;
ALTER TABLE order_status_history ALTER COLUMN seq SET DEFAULT nextval('order_status_history_seq');
ALTER SEQUENCE order_status_history_seq OWNED BY order_status_history.seq;
