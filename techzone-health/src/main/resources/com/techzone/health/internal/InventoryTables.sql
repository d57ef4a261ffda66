-- The tables of the schema with their estimated live rows (statistics, no COUNT) and total size.
select c.relname as table_name,
       greatest(coalesce(s.n_live_tup, 0), c.reltuples::bigint, 0) as estimated_rows,
       pg_total_relation_size(c.oid) as total_bytes
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_stat_all_tables s on s.relid = c.oid
where n.nspname = ? and c.relkind in ('r', 'p')
order by total_bytes desc, c.relname
