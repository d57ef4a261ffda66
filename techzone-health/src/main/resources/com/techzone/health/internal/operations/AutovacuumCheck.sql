-- Tables of the schema with many dead tuples or many changes since their last analyze, with their vacuum and analyze times.
select relname, n_live_tup, n_dead_tup, n_mod_since_analyze,
       greatest(last_vacuum, last_autovacuum) as last_vacuum,
       greatest(last_analyze, last_autoanalyze) as last_analyze,
       coalesce(greatest(last_analyze, last_autoanalyze) < now() - interval '1 day', true) as analyze_stale
from pg_stat_all_tables
where schemaname = ? and (n_dead_tup >= 1000 or n_mod_since_analyze >= 1000)
order by n_dead_tup desc
