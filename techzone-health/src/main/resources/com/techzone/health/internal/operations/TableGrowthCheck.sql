-- Size and estimated rows (pg_class.reltuples, from the last VACUUM or ANALYZE) of the tables the report says to watch for growth (orders, inventory_logs, reviews); a partitioned table counts the sum over its partitions (pg_partition_tree), whose own size is 0.
select c.relname, c.relkind = 'p' as partitioned,
       coalesce(sum(pg_total_relation_size(t.relid)), 0)::bigint as bytes,
       coalesce(sum(greatest(p.reltuples, 0)) filter (where t.isleaf), 0)::bigint as estimated_rows,
       count(*) filter (where t.isleaf and t.relid <> c.oid) as partitions,
       count(*) filter (where t.isleaf and p.reltuples < 0) as unestimated -- never vacuumed or analyzed: reltuples -1 (PostgreSQL 14+)
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
cross join lateral (select relid, isleaf from pg_partition_tree(c.oid)
                    union select c.oid, true where c.relkind = 'r') t -- a plain table has no partition tree
join pg_class p on p.oid = t.relid
where n.nspname = ? and c.relname in ('orders', 'inventory_logs', 'reviews') and c.relkind in ('r', 'p')
group by c.oid, c.relname, c.relkind
order by bytes desc
