-- Size and estimated rows of the tables the report says to watch for growth: orders, inventory_logs, reviews.
select c.relname, pg_total_relation_size(c.oid) as bytes, greatest(c.reltuples, 0)::bigint as estimated_rows
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relname in ('orders', 'inventory_logs', 'reviews') and c.relkind in ('r', 'p')
order by bytes desc
