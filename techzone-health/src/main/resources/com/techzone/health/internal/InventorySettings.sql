-- The server settings the report reviews, as SHOW prints them.
select name, current_setting(name) as value
from pg_settings
where name in ('server_version', 'max_connections', 'shared_buffers', 'effective_cache_size', 'work_mem',
               'maintenance_work_mem', 'autovacuum', 'ssl', 'archive_mode', 'shared_preload_libraries')
order by array_position(array['server_version', 'max_connections', 'shared_buffers', 'effective_cache_size',
                              'work_mem', 'maintenance_work_mem', 'autovacuum', 'ssl', 'archive_mode',
                              'shared_preload_libraries'], name::text)
