-- Tables of the schema whose column statistics (pg_stats) the role may not read, lacking SELECT: their bloat cannot be estimated.
select c.relname as name
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relkind in ('r', 'p', 'm') and not has_table_privilege(c.oid, 'SELECT')
order by c.relname
