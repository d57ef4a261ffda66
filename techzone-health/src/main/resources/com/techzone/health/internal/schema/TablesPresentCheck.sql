-- The ordinary and partitioned tables of the schema, to compare with the 13 TechZone tables.
select c.relname as table_name
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relkind in ('r', 'p')
