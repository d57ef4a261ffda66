-- A new product, and its initial stock as the first ledger row (only if there is any), in one statement.
WITH product AS (
    INSERT INTO <schema>.products (id, category_id, sku, name, description, price, stock, low_stock_threshold)
    VALUES (:id, :p.categoryId, :p.sku, :p.name, :p.description, :p.price, :p.initialStock, :p.lowStockThreshold)
    RETURNING id, category_id, sku, name, description, price, stock, low_stock_threshold, is_active,
              version, created_at, updated_at
), ledger AS (
    INSERT INTO <schema>.inventory_logs (id, product_id, change, reason, stock_after)
    SELECT :logId, product.id, product.stock, 'initial', product.stock
    FROM product
    WHERE product.stock > 0
)
SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold, is_active, version,
       created_at, updated_at
FROM product
