-- The size of the WAL files in pg_wal (pg_ls_waldir: superusers and pg_monitor only).
select coalesce(sum(size), 0)::bigint as wal_bytes from pg_ls_waldir()
