-- Products whose stock differs from the sum of their inventory_logs changes (the ledger), at most 50, with the total count.
with ledger as (
    select product_id, sum(change) as ledger_stock from {schema}.inventory_logs group by product_id
), mismatched as (
    select p.id, p.sku, p.stock, coalesce(l.ledger_stock, 0) as ledger_stock
    from {schema}.products p
    left join ledger l on l.product_id = p.id
    where p.stock <> coalesce(l.ledger_stock, 0)
)
select id, sku, stock, ledger_stock, count(*) over () as total
from mismatched
order by abs(stock - ledger_stock) desc, sku
limit 50
