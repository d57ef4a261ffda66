-- idx_orders_created_at becomes a BRIN index (same name). As a B-tree it let the planner walk all
-- orders by creation time filtering on status for "oldest pending orders first" (open orders are
-- the newest, so it read 90% of the table; measured 0.34x vs no index at scale 1). A BRIN index
-- cannot return rows in order, so that query uses idx_orders_status (status, created_at), and the
-- period scans it exists for (sales reports, revenue of the last days) read the few block ranges of
-- the period: orders are appended in creation order. 24 kB instead of 21 MB at 1M orders.
--
-- Live-safe: built and dropped CONCURRENTLY, outside a transaction (V6__...sql.conf); each lock
-- waits at most lock_timeout. Rerunnable after an interruption at any statement: an INVALID
-- idx_orders_created_at_brin left by a cancelled build is dropped first by the migrations' callback
-- (InvalidIndexRepair), a valid one is kept (IF NOT EXISTS), the old index is dropped IF EXISTS, and
-- the rename is the last statement. No statement_timeout: a concurrent build blocks no reader or
-- writer, so it may take as long as the table needs; only lock waits are bounded.
-- squawk-ignore-file ban-concurrent-index-creation-in-transaction
-- (.squawk.toml assumes a transaction, which V1-V5 run in; Flyway runs this one without: the .conf)
SET lock_timeout = '5s';
SET statement_timeout = 0;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created_at_brin ON orders
    USING brin (created_at) WITH (autosummarize = on);

DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at;

ALTER INDEX idx_orders_created_at_brin RENAME TO idx_orders_created_at;

RESET lock_timeout;
RESET statement_timeout;
