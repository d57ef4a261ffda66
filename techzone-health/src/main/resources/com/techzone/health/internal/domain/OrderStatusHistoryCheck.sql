-- Orders whose last status-history entry (by time; creation entry first on ties) is not their status, or that have none; at most 50.
with last_entry as (
    select distinct on (order_id) order_id, to_status
    from order_status_history
    order by order_id, created_at desc, (from_status is null), id desc
), wrong as (
    select o.id, o.order_number, o.status::text as status, h.to_status::text as last_status
    from orders o
    left join last_entry h on h.order_id = o.id
    where h.to_status is distinct from o.status
)
select *, count(*) over () as total_count
from wrong
order by order_number
limit 50
