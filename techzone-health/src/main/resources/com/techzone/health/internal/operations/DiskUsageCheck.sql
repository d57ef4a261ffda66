-- What the cluster keeps on the data directory's volume: every database (pg_database_size, those the role may measure), this one apart, and the WAL (pg_ls_waldir, for pg_monitor); the databases the role may not measure are listed.
select coalesce(sum(pg_database_size(d.oid)) filter (where d.measurable), 0)::bigint as databases_bytes,
       pg_database_size(current_database()) as this_bytes,
       string_agg(d.datname, ', ' order by d.datname) filter (where not d.measurable) as unmeasurable,
       case when pg_has_role('pg_monitor', 'USAGE') then (select coalesce(sum(w.size), 0) from pg_ls_waldir() w) end::bigint as wal_bytes
from (select oid, datname, has_database_privilege(oid, 'CONNECT') or pg_has_role('pg_read_all_stats', 'USAGE') as measurable
      from pg_database) d
