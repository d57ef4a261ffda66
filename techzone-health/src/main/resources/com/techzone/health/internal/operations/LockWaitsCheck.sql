-- Sessions waiting on a lock (pg_locks not granted), with the pids that block them and how long they have waited.
select a.pid, a.usename, pg_blocking_pids(a.pid) as blocking_pids,
       extract(epoch from now() - coalesce(a.query_start, a.state_change)) as waiting_seconds,
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 200) as query
from pg_stat_activity a
where a.wait_event_type = 'Lock' and a.pid <> pg_backend_pid()
order by waiting_seconds desc
