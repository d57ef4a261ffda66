-- Orders whose subtotal is not the sum of their line totals, or whose total is not subtotal + tax + shipping - discount; at most 50.
-- One pass over orders and order_items, aggregated into 4096 buckets by the first 12 bits of the
-- order id (no per-order grouping, no sort, no spill): each order counts subtotal - sum(its lines),
-- zero when it adds up (in cents: numeric(12,2) * 100 is exact in int8). Two sums per bucket (plain, and weighted by a positive number drawn from the
-- order id, so that faults do not cancel out) and the count of wrong totals; only the buckets where
-- one is not zero are opened, by id range on the primary key and idx_order_items_order_id, and
-- there each order is judged on its own.
with terms as (
    select i.order_id as id, -(i.line_total * 100)::int8 as d, 0 as bad
    from {schema}.order_items i
    union all
    select o.id, (o.subtotal * 100)::int8, (o.total <> o.subtotal + o.tax + o.shipping - o.discount)::int
    from {schema}.orders o
), suspect as (
    select lpad(to_hex(bucket), 3, '0') as prefix
    from (
        select (get_byte(uuid_send(id), 0) << 4) | (get_byte(uuid_send(id), 1) >> 4) as bucket,
               (uuid_hash(id) & 1048575) + 1 as weight, d, bad
        from terms
    ) t
    group by bucket
    having sum(d) <> 0 or sum(weight * d) <> 0 or sum(bad) > 0
), unbalanced as (
    select t.id
    from suspect s
    cross join lateral (
        select i.order_id as id, -i.line_total as d, 0 as bad
        from {schema}.order_items i
        where i.order_id between (s.prefix || '00000-0000-0000-0000-000000000000')::uuid
                             and (s.prefix || 'fffff-ffff-ffff-ffff-ffffffffffff')::uuid
        union all
        select o.id, o.subtotal, (o.total <> o.subtotal + o.tax + o.shipping - o.discount)::int
        from {schema}.orders o
        where o.id between (s.prefix || '00000-0000-0000-0000-000000000000')::uuid
                       and (s.prefix || 'fffff-ffff-ffff-ffff-ffffffffffff')::uuid
    ) t
    group by t.id
    having sum(t.d) <> 0 or sum(t.bad) > 0
), wrong as (
    select o.id, o.order_number, o.subtotal, o.tax, o.shipping, o.discount, o.total,
           coalesce((select sum(i.line_total) from {schema}.order_items i where i.order_id = o.id), 0) as lines_total
    from {schema}.orders o
    where o.id in (select id from unbalanced)
)
select *, count(*) over () as total_count
from wrong
order by order_number
limit 50
