-- Orders whose subtotal is not the sum of their line totals, or whose total is not subtotal + tax + shipping - discount; at most 50.
with lines as (
    select order_id, sum(line_total) as lines_total from {schema}.order_items group by order_id
), wrong as (
    select o.id, o.order_number, o.subtotal, o.tax, o.shipping, o.discount, o.total,
           coalesce(l.lines_total, 0) as lines_total
    from {schema}.orders o
    left join lines l on l.order_id = o.id
    where o.subtotal <> coalesce(l.lines_total, 0)
       or o.total <> o.subtotal + o.tax + o.shipping - o.discount
)
select *, count(*) over () as total_count
from wrong
order by order_number
limit 50
