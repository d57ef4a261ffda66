-- Orders whose last status-history entry (in write order: seq; rows from before V7 by time, creation entry first on ties) is not their status, or that have none; at most 50.
with last_entry as (
    select distinct on (order_id) order_id, to_status
    from {schema}.order_status_history
    order by order_id, seq desc nulls last, created_at desc, (from_status is null), id desc
), wrong as (
    select o.id, o.order_number, o.status::text as status, h.to_status::text as last_status
    from {schema}.orders o
    left join last_entry h on h.order_id = o.id
    where h.to_status is distinct from o.status
)
select *, count(*) over () as total_count
from wrong
order by order_number
limit 50
