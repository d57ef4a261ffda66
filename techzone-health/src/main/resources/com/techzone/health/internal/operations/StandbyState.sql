-- On a replica: queries of this database cancelled by recovery conflicts since the statistics began, and whether hot_standby_feedback is on.
select pg_is_in_recovery() as in_recovery, current_setting('hot_standby_feedback') as hot_standby_feedback,
       coalesce((select confl_tablespace + confl_lock + confl_snapshot + confl_bufferpin + confl_deadlock
                 from pg_stat_database_conflicts where datname = current_database()), 0)::bigint as conflicts,
       coalesce((select confl_snapshot from pg_stat_database_conflicts where datname = current_database()), 0)::bigint as snapshot_conflicts
