-- The staged ledger, in time order, with stock_after the running sum per product.
INSERT INTO inventory_logs (product_id, change, reason, stock_after, note, created_at)
SELECT md5('product:' || product_n)::uuid, change, reason,
       sum(change) OVER (PARTITION BY product_n ORDER BY seq),
       CASE reason WHEN 'adjustment' THEN 'stock count' END, created_at
FROM gen_ledger
ORDER BY created_at;
