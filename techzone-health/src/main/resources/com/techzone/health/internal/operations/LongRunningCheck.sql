-- Active sessions whose transaction has run longer than the warning limit (seconds), other than this one.
select pid, usename, extract(epoch from clock_timestamp() - xact_start) as xact_seconds,
       extract(epoch from clock_timestamp() - query_start) as query_seconds, left(regexp_replace(query, '\s+', ' ', 'g'), 200) as query
from pg_stat_activity
where pid <> pg_backend_pid() and backend_type = 'client backend' and state = 'active'
  and xact_start < clock_timestamp() - make_interval(secs => ?)
order by xact_start
