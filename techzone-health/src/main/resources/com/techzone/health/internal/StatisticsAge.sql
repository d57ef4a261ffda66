-- The server clock and when the cumulative statistics started collecting (server start; a reset is read separately).
select now() as now, pg_postmaster_start_time() as started
