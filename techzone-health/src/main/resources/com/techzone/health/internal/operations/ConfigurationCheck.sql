-- The settings the report reviews, with their values in bytes where they are memory sizes.
select name, current_setting(name) as value,
       case when unit in ('8kB', 'kB', 'MB') then pg_size_bytes(current_setting(name)) end as bytes,
       case when unit is null then setting::bigint end as number
from pg_settings
where name in ('max_connections', 'shared_buffers', 'effective_cache_size', 'work_mem', 'maintenance_work_mem')
