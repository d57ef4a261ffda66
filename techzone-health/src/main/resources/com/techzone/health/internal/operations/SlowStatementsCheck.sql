-- The slowest statements of the tracked statement set (TrackedStatements.sql, the set ops.mean-query-time averages) by mean time, top N.
select s.queryid, s.calls, s.mean_exec_time, s.total_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 300) as query
from (
{tracked}
) s
order by s.mean_exec_time desc
limit ?
