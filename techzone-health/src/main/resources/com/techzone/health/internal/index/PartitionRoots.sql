-- The partitions of the schema's partitioned tables, each with the partitioned table at the root of its tree.
select c.relname as partition, r.relname as root
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_class r on r.oid = pg_partition_root(c.oid)
where n.nspname = ? and c.relispartition and c.relkind = 'r'
