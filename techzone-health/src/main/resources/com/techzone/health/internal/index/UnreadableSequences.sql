-- Sequences of the schema whose value the role may not read (neither SELECT nor USAGE): their overflow cannot be judged.
select c.relname as name
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relkind = 'S' and not has_sequence_privilege(c.oid, 'SELECT, USAGE')
order by c.relname
