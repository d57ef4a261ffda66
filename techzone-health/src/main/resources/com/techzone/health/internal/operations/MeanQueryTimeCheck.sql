-- Mean execution time over the tracked statement set (TrackedStatements.sql, the set ops.slow-statements lists).
select sum(s.total_exec_time) / nullif(sum(s.calls), 0) as mean_ms, coalesce(sum(s.calls), 0) as calls
from (
{tracked}
) s
