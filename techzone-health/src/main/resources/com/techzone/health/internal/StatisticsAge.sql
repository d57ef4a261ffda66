-- The server clock (now, not the run transaction's start) and when the cumulative statistics started collecting (server start; a reset is read separately).
select clock_timestamp() as now, pg_postmaster_start_time() as started
