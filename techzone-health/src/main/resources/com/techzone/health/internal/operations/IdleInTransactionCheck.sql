-- Sessions idle inside an open transaction for longer than the warning limit (seconds): they hold locks and block vacuum.
select pid, usename, state, extract(epoch from clock_timestamp() - state_change) as idle_seconds,
       left(regexp_replace(query, '\s+', ' ', 'g'), 200) as query
from pg_stat_activity
where pid <> pg_backend_pid() and state in ('idle in transaction', 'idle in transaction (aborted)')
  and state_change < clock_timestamp() - make_interval(secs => ?)
order by state_change
