-- The cart lines with their products, locking the product rows in product id order: every checkout
-- takes its locks in this one order, so two carts sharing products never deadlock.
SELECT p.id AS product_id, p.sku, p.name, p.price, p.stock, p.is_active, c.quantity
FROM <schema>.cart_items c
JOIN <schema>.products p ON p.id = c.product_id
WHERE c.user_id = :userId
ORDER BY p.id
FOR UPDATE OF p, c
