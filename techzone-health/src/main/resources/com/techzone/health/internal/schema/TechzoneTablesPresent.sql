-- How many of the TechZone tables the schema holds (plain or partitioned): a check that judges those tables
-- cannot judge anything when there are none.
select count(*) as present
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relkind in ('r', 'p') and c.relname = any (?)
