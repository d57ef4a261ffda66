-- The tables of the schema with their estimated live rows (statistics, no COUNT) and total size. A partitioned
-- table is listed once, with the rows and sizes of its leaf partitions summed; the partitions are not listed.
select c.relname as table_name,
       coalesce(sum(greatest(coalesce(s.n_live_tup, 0), r.reltuples::bigint, 0)), 0)::bigint as estimated_rows,
       coalesce(sum(pg_total_relation_size(r.oid)), 0)::bigint as total_bytes
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_class r on (c.relkind = 'r' and r.oid = c.oid)
                     or r.oid in (select t.relid from pg_partition_tree(c.oid) t where t.isleaf)
left join pg_stat_all_tables s on s.relid = r.oid
where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
group by c.oid, c.relname
order by total_bytes desc, c.relname
