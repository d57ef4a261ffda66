-- Mean execution time over all statements pg_stat_statements tracked in this database.
select sum(s.total_exec_time) / nullif(sum(s.calls), 0) as mean_ms, coalesce(sum(s.calls), 0) as calls
from pg_stat_statements s
where s.dbid = (select oid from pg_database where datname = current_database())
