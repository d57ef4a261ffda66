-- Client connections in use against max_connections (all databases of the server).
select count(*) filter (where backend_type = 'client backend') as used,
       current_setting('max_connections')::int as max_connections
from pg_stat_activity
