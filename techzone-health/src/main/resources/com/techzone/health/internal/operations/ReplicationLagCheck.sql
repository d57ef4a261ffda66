-- Replay lag of each replica of this server (pg_stat_replication), and of this server itself when it is a replica: 0 when it has replayed all the WAL it received, else the time since its last replayed commit (seconds).
select coalesce(application_name, '') || '@' || coalesce(client_addr::text, 'local') as replica, state,
       coalesce(extract(epoch from replay_lag), 0) as lag_seconds
from pg_stat_replication
union all
select 'this server (replica)', 'recovery',
       case when pg_last_wal_receive_lsn() is not null and pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() then 0
            else coalesce(greatest(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()), 0), 0) end
where pg_is_in_recovery()
