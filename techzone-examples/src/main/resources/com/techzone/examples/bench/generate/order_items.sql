-- The staged order lines: name, sku and price are snapshots of the product.
INSERT INTO order_items (order_id, product_id, product_name, sku, price, quantity, line_total, created_at)
SELECT order_id, product_id, name, sku, price, quantity, line_total, created_at
FROM gen_items
ORDER BY created_at;
DROP TABLE gen_items;
