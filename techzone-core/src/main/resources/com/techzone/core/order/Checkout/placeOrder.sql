-- Everything a checkout writes, in one statement: the order, its lines (name, SKU and price
-- snapshots), the stock decrements with their ledger rows, the first status history row, and the
-- emptied cart. The products were locked (and their stock checked) just before, in id order.
-- Ledger rows take clock_timestamp(), the time of the locked change, not now() (the start of the
-- transaction): under concurrency a transaction that started first may change the stock second,
-- and the ledger ordered by created_at must still add up row by row.
WITH new_order AS (
    INSERT INTO <schema>.orders (id, user_id, status, currency, subtotal, tax, shipping, discount, total,
                        shipping_address, idempotency_key, idempotency_fingerprint)
    VALUES (:orderId, :userId, 'pending', :currency, :subtotal, :tax, :shipping, :discount, :total,
            :shippingAddress, :idempotencyKey, :idempotencyFingerprint)
    RETURNING id, order_number, user_id, status, currency, subtotal, tax, shipping, discount, total,
              shipping_address, idempotency_key, created_at, updated_at
), lines AS (
    SELECT item_id, log_id, product_id, quantity, price, name, sku
    FROM unnest(:itemIds::uuid[], :logIds::uuid[], :productIds::uuid[], :quantities::int[],
                :prices::text[]::numeric[], :names::text[], :skus::text[])
         AS l(item_id, log_id, product_id, quantity, price, name, sku)
), sold AS (
    UPDATE <schema>.products p
    SET stock = p.stock - l.quantity
    FROM lines l
    WHERE p.id = l.product_id
    RETURNING p.id, p.stock
), items AS (
    INSERT INTO <schema>.order_items (id, order_id, product_id, product_name, sku, price, quantity, line_total)
    SELECT l.item_id, :orderId, l.product_id, l.name, l.sku, l.price, l.quantity, l.price * l.quantity
    FROM lines l
), ledger AS (
    INSERT INTO <schema>.inventory_logs (id, product_id, change, reason, stock_after, order_id, created_by, created_at)
    SELECT l.log_id, l.product_id, -l.quantity, 'sale', sold.stock, :orderId, :userId, clock_timestamp()
    FROM lines l
    JOIN sold ON sold.id = l.product_id
), history AS (
    INSERT INTO <schema>.order_status_history (id, order_id, from_status, to_status, changed_by, note)
    VALUES (:historyId, :orderId, NULL, 'pending', :userId, 'Order placed')
), emptied AS (
    DELETE FROM <schema>.cart_items
    WHERE user_id = :userId AND product_id = ANY (:productIds::uuid[])
)
SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount, total,
       shipping_address, idempotency_key, created_at, updated_at
FROM new_order
