-- What the databases of the cluster keep on the data directory's volume (pg_database_size, those the role may measure), this one apart; the databases the role may not measure; whether it may list the WAL (DiskUsageWal.sql).
select coalesce(sum(case when d.measurable then pg_database_size(d.oid) end), 0)::bigint as databases_bytes,
       pg_database_size(current_database()) as this_bytes,
       string_agg(d.datname, ', ' order by d.datname) filter (where not d.measurable) as unmeasurable,
       pg_has_role('pg_monitor', 'USAGE') as wal_visible
from (select oid, datname, has_database_privilege(oid, 'CONNECT') or pg_has_role('pg_read_all_stats', 'USAGE') as measurable
      from pg_database) d
