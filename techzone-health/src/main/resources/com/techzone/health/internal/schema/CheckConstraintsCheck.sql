-- The check constraints of the schema with their table and whether they are validated.
select con.conname as constraint_name, rel.relname as table_name, con.convalidated as validated
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid
join pg_namespace n on n.oid = rel.relnamespace
where con.contype = 'c' and n.nspname = ?
