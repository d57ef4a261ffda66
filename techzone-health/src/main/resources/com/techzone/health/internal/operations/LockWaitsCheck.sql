-- Sessions waiting on a lock, with the pids that block them and how long they have waited: from pg_locks.waitstart (when the wait began), not from the statement's start.
select a.pid, a.usename, pg_blocking_pids(a.pid) as blocking_pids,
       greatest(extract(epoch from clock_timestamp() - coalesce(w.waitstart, clock_timestamp())), 0) as waiting_seconds,
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 200) as query
from pg_stat_activity a
join lateral (select min(l.waitstart) as waitstart from pg_locks l where l.pid = a.pid and not l.granted) w on true
where a.wait_event_type = 'Lock' and a.pid <> pg_backend_pid()
order by waiting_seconds desc
