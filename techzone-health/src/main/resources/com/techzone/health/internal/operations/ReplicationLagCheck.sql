-- Replay lag of each replica of this server, and of this server itself when it is a replica (seconds).
select coalesce(application_name, '') || '@' || coalesce(client_addr::text, 'local') as replica, state,
       extract(epoch from replay_lag) as lag_seconds
from pg_stat_replication
union all
select 'this server (replica)', 'recovery', extract(epoch from now() - pg_last_xact_replay_timestamp())
where pg_is_in_recovery()
