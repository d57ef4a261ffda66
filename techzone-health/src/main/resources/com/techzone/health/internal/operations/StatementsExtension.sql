-- Whether pg_stat_statements is installed in this database and loaded by the server.
select exists (select 1 from pg_extension where extname = 'pg_stat_statements') as installed,
       current_setting('shared_preload_libraries') like '%pg_stat_statements%' as preloaded
