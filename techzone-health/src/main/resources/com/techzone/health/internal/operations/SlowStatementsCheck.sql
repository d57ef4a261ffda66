-- The slowest statements of this database by mean time (pg_stat_statements), top N: queries only, not utility statements (DDL, SET, VACUUM, ...) nor the health check's own.
select s.queryid, s.calls, s.mean_exec_time, s.total_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 300) as query
from pg_stat_statements s
where s.dbid = (select oid from pg_database where datname = current_database())
  and s.query not like '%/* techzone-health */%'
  and regexp_replace(s.query, '^(\s+|--[^\n]*(\n|$)|/\*([^*]|\*+[^*/])*\*+/)+', '')
      ~* '^\(*\s*(select|insert|update|delete|merge|with|values|table|call)\M'
order by s.mean_exec_time desc
limit ?
