-- Orders whose status history does not lead to their status and whose last entry (in write order: seq; rows from before V7 by time, creation entry first on ties) does not say it either, or that have none; at most 50.
-- One pass over orders and order_status_history, aggregated into 4096 buckets by the first 12 bits
-- of the order id (no per-order grouping, no sort, no spill). Each history entry counts
-- code(to_status) - code(from_status) for its order and each order -code(status): for an order
-- whose moves lead to its status the terms cancel, whatever the order of its entries (two moves of
-- one transaction cannot tie). Two such sums (two status codes), weighted by a positive number drawn
-- from the order id, are kept per bucket; only the buckets where one is not zero are opened, by id
-- range on the primary key and the order_id index, and there each order is judged on its own, its
-- last entry deciding. When the history is partitioned and its oldest months were archived
-- (detached: no partition FROM (MINVALUE), no default partition), an order created before the oldest
-- attached partition whose entries were all archived is not judged.
with cutoff as (
    {archive_cutoff:order_status_history}
), terms as (
    select h.order_id as id,
           hashenum(h.to_status)::int8 - coalesce(hashenum(h.from_status), 0) as d1,
           (hashenum(h.to_status) # 1540483477)::int8 - coalesce(hashenum(h.from_status) # 1540483477, 0) as d2
    from {schema}.order_status_history h
    union all
    select o.id, -hashenum(o.status)::int8, -(hashenum(o.status) # 1540483477)::int8
    from {schema}.orders o
), suspect as (
    select lpad(to_hex(bucket), 3, '0') as prefix
    from (
        select (get_byte(uuid_send(id), 0) << 4) | (get_byte(uuid_send(id), 1) >> 4) as bucket,
               ((uuid_hash(id) & 1048575) + 1)::int8 as weight, d1, d2
        from terms
    ) t
    group by bucket
    having sum(weight * d1) <> 0 or sum(weight * d2) <> 0
), unbalanced as (
    select t.id
    from suspect s
    cross join lateral (
        select h.order_id as id,
               hashenum(h.to_status)::int8 - coalesce(hashenum(h.from_status), 0) as d1,
               (hashenum(h.to_status) # 1540483477)::int8 - coalesce(hashenum(h.from_status) # 1540483477, 0) as d2
        from {schema}.order_status_history h
        where h.order_id between (s.prefix || '00000-0000-0000-0000-000000000000')::uuid
                             and (s.prefix || 'fffff-ffff-ffff-ffff-ffffffffffff')::uuid
        union all
        select o.id, -hashenum(o.status)::int8, -(hashenum(o.status) # 1540483477)::int8
        from {schema}.orders o
        where o.id between (s.prefix || '00000-0000-0000-0000-000000000000')::uuid
                       and (s.prefix || 'fffff-ffff-ffff-ffff-ffffffffffff')::uuid
    ) t
    group by t.id
    having sum(t.d1) <> 0 or sum(t.d2) <> 0
), wrong as (
    select o.id, o.order_number, o.status::text as status, o.created_at,
           (select h.to_status::text from {schema}.order_status_history h where h.order_id = o.id
            order by h.seq desc nulls last, h.created_at desc, (h.from_status is null), h.id desc
            limit 1) as last_status
    from {schema}.orders o
    where o.id in (select id from unbalanced)
)
select *, count(*) over () as total_count
from wrong
where last_status is distinct from status
  and not coalesce(last_status is null and created_at < (select archived_before from cutoff), false)
order by order_number
limit 50
