-- Whether pg_stat_statements is installed in this database and loaded by the server, the schema it was
-- installed in (CREATE EXTENSION ... SCHEMA puts it anywhere, also off the search_path) and whether this
-- role (named in the fix) may use that schema.
select e.oid is not null as installed,
       n.nspname as schema,
       coalesce(has_schema_privilege(n.oid, 'USAGE'), false) as usable,
       current_setting('shared_preload_libraries') like '%pg_stat_statements%' as preloaded,
       current_user::text as role
from (select 1) as one
left join pg_extension e on e.extname = 'pg_stat_statements'
left join pg_namespace n on n.oid = e.extnamespace
