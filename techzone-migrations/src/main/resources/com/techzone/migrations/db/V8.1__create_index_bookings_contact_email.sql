-- Erasure finds a person's guest bookings by their email: without an index that is a scan of every
-- booking. Built CONCURRENTLY (writes to bookings go on), so this migration runs outside a
-- transaction, alone. A build that failed half-way leaves an INVALID index: dropped first, so a
-- re-run builds it again instead of keeping the broken one.
SET lock_timeout = '5s';
-- No statement_timeout: a concurrent build on a large table may take longer than a minute, and
-- blocks nobody while it runs.
SET statement_timeout = 0;

DROP INDEX CONCURRENTLY IF EXISTS idx_bookings_contact_email;
-- .squawk.toml assumes every migration runs in a transaction; this one does not (its .sql.conf sets
-- executeInTransaction=false).
-- squawk-ignore ban-concurrent-index-creation-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_bookings_contact_email ON bookings (lower(contact_email));
