-- The statement set both ops.mean-query-time and ops.slow-statements judge: this database's pg_stat_statements rows that are queries (not utility statements: DDL, SET, VACUUM, ...) and not the health check's own.
select s.queryid, s.calls, s.mean_exec_time, s.total_exec_time, s.query
from {pg_stat_statements} s
where s.dbid = (select oid from pg_database where datname = current_database())
  and s.query not like '%/* techzone-health */%'
  and regexp_replace(s.query, '^(\s+|--[^\n]*(\n|$)|/\*([^*]|\*+[^*/])*\*+/)+', '')
      ~* '^\(*\s*(select|insert|update|delete|merge|with|values|table|call)\M'
