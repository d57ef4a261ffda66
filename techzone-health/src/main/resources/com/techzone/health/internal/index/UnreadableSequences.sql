-- Sequences of the schema whose value the role may not read (neither SELECT nor USAGE): their overflow cannot be judged.
select c.relname as name
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
  -- in a CASE: has_sequence_privilege raises an error on any other relation, whatever order the planner picks
  and case when c.relkind = 'S' then not has_sequence_privilege(c.oid, 'SELECT, USAGE') else false end
order by c.relname
