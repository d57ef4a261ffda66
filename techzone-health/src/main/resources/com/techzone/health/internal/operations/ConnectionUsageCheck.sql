-- Client connections in use (all databases of the server) against the slots ordinary roles may use: max_connections less the superuser-reserved and (PostgreSQL 16+) reserved_connections slots.
select count(*) filter (where backend_type = 'client backend') as used,
       current_setting('max_connections')::int as max_connections,
       current_setting('superuser_reserved_connections')::int as superuser_reserved,
       coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int as reserved
from pg_stat_activity
