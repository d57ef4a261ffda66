-- The check constraints of the schema with their expression and whether they are validated (a partitioned
-- table's once: the copies on its partitions are not listed).
select con.conname as constraint_name, rel.relname as table_name,
       pg_get_constraintdef(con.oid) as definition, con.convalidated as validated
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid
join pg_namespace n on n.oid = rel.relnamespace
where con.contype = 'c' and n.nspname = ? and not rel.relispartition
order by rel.relname, con.conname
