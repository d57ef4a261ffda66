-- Open carts: one user in five has one to four items (hot products favoured), one line per product.
INSERT INTO cart_items (user_id, product_id, quantity, created_at, updated_at)
SELECT md5('user:' || u)::uuid, md5('product:' || (1 + floor(${products} * random() ^ 2)::int))::uuid,
       1 + floor(random() * 3)::int, now() - random() * interval '20 days', now() - random() * interval '20 days'
FROM generate_series(5, ${users}, 5) AS u
CROSS JOIN LATERAL generate_series(1, 1 + u % 4) AS line
ON CONFLICT ON CONSTRAINT uq_cart_items_user_product DO NOTHING;
