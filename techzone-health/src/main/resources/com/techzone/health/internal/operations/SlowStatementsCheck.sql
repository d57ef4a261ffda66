-- The slowest statements of this database by mean execution time (pg_stat_statements), top N.
select s.queryid, s.calls, s.mean_exec_time, s.total_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 300) as query
from pg_stat_statements s
where s.dbid = (select oid from pg_database where datname = current_database())
order by s.mean_exec_time desc
limit ?
