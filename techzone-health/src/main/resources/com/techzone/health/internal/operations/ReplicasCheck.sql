-- State of one read replica the host gave, run on that replica: whether it is a standby, its WAL receiver, and its replay lag (0 when it has replayed all it received from a running receiver, else the time since its last replayed commit, seconds).
select pg_is_in_recovery() as in_recovery,
       exists (select 1 from pg_stat_wal_receiver) as receiving,
       coalesce(inet_server_addr()::text, 'local') || ':' || current_setting('port') as address,
       case when not pg_is_in_recovery() then null
            when exists (select 1 from pg_stat_wal_receiver)
                 and pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() then 0
            else coalesce(greatest(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()), 0), 0) end
           as lag_seconds
