-- Tables of the schema with many dead tuples or many changes since their last analyze, with their vacuum and analyze times; a partitioned table is the sum over its partitions (the oldest vacuum and analyze among them).
select r.relname, count(*) filter (where t.oid <> r.oid) as partitions,
       sum(s.n_live_tup)::bigint as n_live_tup, sum(s.n_dead_tup)::bigint as n_dead_tup,
       sum(s.n_mod_since_analyze)::bigint as n_mod_since_analyze,
       min(greatest(s.last_vacuum, s.last_autovacuum)) as last_vacuum,
       min(greatest(s.last_analyze, s.last_autoanalyze)) as last_analyze,
       bool_or(coalesce(greatest(s.last_analyze, s.last_autoanalyze) < clock_timestamp() - interval '1 day', true)) as analyze_stale
from pg_stat_all_tables s
join pg_class t on t.oid = s.relid and t.relkind <> 'p'
join pg_class r on r.oid = coalesce(pg_partition_root(s.relid), s.relid)
join pg_namespace rn on rn.oid = r.relnamespace
where rn.nspname = ?
group by r.oid, r.relname
having sum(s.n_dead_tup) >= 1000 or sum(s.n_mod_since_analyze) >= 1000
order by sum(s.n_dead_tup) desc
