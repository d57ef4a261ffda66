-- One product of a batch, and its initial ledger row if it has stock; returns no rows (JDBC batches cannot).
WITH product AS (
    INSERT INTO <schema>.products (id, category_id, sku, name, description, price, stock, low_stock_threshold)
    VALUES (:id, :p.categoryId, :p.sku, :p.name, :p.description, :p.price, :p.initialStock, :p.lowStockThreshold)
    RETURNING id, stock
)
INSERT INTO <schema>.inventory_logs (id, product_id, change, reason, stock_after)
SELECT :logId, product.id, product.stock, 'initial', product.stock
FROM product
WHERE product.stock > 0
