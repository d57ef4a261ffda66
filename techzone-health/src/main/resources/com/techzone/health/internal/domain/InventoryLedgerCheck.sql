-- Products whose stock differs from their inventory_logs ledger, at most 50, with the total count.
-- The ledger is the truth: stock = the sum of a product's changes. When the ledger is partitioned and
-- its oldest months were archived (detached: no partition FROM (MINVALUE), no default partition), the
-- rows before the oldest attached partition are gone, so stock = the stock before the product's
-- oldest retained row (its stock_after - change, in write order) + the sum of the retained changes,
-- and a product whose rows were all archived cannot be judged.
with cutoff as (
    {archive_cutoff:inventory_logs}
), ledger as (
    select product_id, sum(change) as ledger_sum from {schema}.inventory_logs group by product_id
), opening as (
    select distinct on (product_id) product_id, stock_after - change as opening_stock
    from {schema}.inventory_logs
    where (select archived_before from cutoff) is not null
    order by product_id, seq nulls first, created_at, id
), mismatched as (
    select p.id, p.sku, p.stock, coalesce(o.opening_stock, 0) + coalesce(l.ledger_sum, 0) as ledger_stock
    from {schema}.products p
    left join ledger l on l.product_id = p.id
    left join opening o on o.product_id = p.id
    where p.stock <> coalesce(o.opening_stock, 0) + coalesce(l.ledger_sum, 0)
      and ((select archived_before from cutoff) is null or l.product_id is not null)
)
select id, sku, stock, ledger_stock, count(*) over () as total
from mismatched
order by abs(stock - ledger_stock) desc, sku
limit 50
