-- Orders, staged with their lines so the totals are sums of the lines. Statuses are skewed like a
-- shop's: most delivered, a few percent pending/processing; open orders are recent. Buyers and
-- products are power-law picks (heavy users, hot products). Each status has one or two valid
-- histories (gen_status_paths), whose last step sets the order's updated_at.
CREATE TEMP TABLE gen_status_paths (status order_status, variant int, step int,
                                    from_status order_status, to_status order_status, after interval);
INSERT INTO gen_status_paths VALUES
    ('pending', 0, 1, NULL, 'pending', '0'),
    ('processing', 0, 1, NULL, 'pending', '0'), ('processing', 0, 2, 'pending', 'processing', '2 hours'),
    ('on_hold', 0, 1, NULL, 'pending', '0'), ('on_hold', 0, 2, 'pending', 'on_hold', '3 hours'),
    ('layaway', 0, 1, NULL, 'pending', '0'), ('layaway', 0, 2, 'pending', 'processing', '2 hours'),
    ('layaway', 0, 3, 'processing', 'layaway', '5 hours'),
    ('shipped', 0, 1, NULL, 'pending', '0'), ('shipped', 0, 2, 'pending', 'processing', '2 hours'),
    ('shipped', 0, 3, 'processing', 'shipped', '1 day'),
    ('delivered', 0, 1, NULL, 'pending', '0'), ('delivered', 0, 2, 'pending', 'processing', '2 hours'),
    ('delivered', 0, 3, 'processing', 'shipped', '1 day'), ('delivered', 0, 4, 'shipped', 'delivered', '4 days'),
    ('delivered', 1, 1, NULL, 'pending', '0'), ('delivered', 1, 2, 'pending', 'on_hold', '1 hour'),
    ('delivered', 1, 3, 'on_hold', 'processing', '6 hours'), ('delivered', 1, 4, 'processing', 'shipped', '2 days'),
    ('delivered', 1, 5, 'shipped', 'delivered', '5 days'),
    ('cancelled', 0, 1, NULL, 'pending', '0'), ('cancelled', 0, 2, 'pending', 'cancelled', '4 hours'),
    ('cancelled', 1, 1, NULL, 'pending', '0'), ('cancelled', 1, 2, 'pending', 'processing', '2 hours'),
    ('cancelled', 1, 3, 'processing', 'cancelled', '8 hours'),
    ('refunded', 0, 1, NULL, 'pending', '0'), ('refunded', 0, 2, 'pending', 'processing', '2 hours'),
    ('refunded', 0, 3, 'processing', 'shipped', '1 day'), ('refunded', 0, 4, 'shipped', 'delivered', '4 days'),
    ('refunded', 0, 5, 'delivered', 'refunded', '12 days');

CREATE TEMP TABLE gen_orders_raw AS
SELECT n, md5('order:' || n)::uuid AS id,
       md5('user:' || (1 + floor(${users} * random() ^ 3)::int))::uuid AS user_id,
       1 + floor(random() * 5)::int AS item_count,
       random() AS r_status, random() AS r_time, random() AS r_discount, random() AS r_variant
FROM generate_series(1, ${orders}) AS n;

CREATE TEMP TABLE gen_orders AS
SELECT n, id, user_id, item_count, status, r_discount < 0.1 AS discounted,
       CASE WHEN status IN ('delivered', 'cancelled') AND r_variant < 0.2 THEN 1 ELSE 0 END AS variant,
       CASE WHEN status IN ('pending', 'processing', 'on_hold', 'layaway')
                THEN now() - interval '1 day' - r_time * interval '13 days'
            WHEN status = 'shipped' THEN now() - interval '2 days' - r_time * interval '5 days'
            ELSE now() - interval '15 days' - r_time * interval '715 days' END AS created_at
FROM (
    SELECT *, CASE WHEN r_status < 0.025 THEN 'pending'
                   WHEN r_status < 0.050 THEN 'processing'
                   WHEN r_status < 0.060 THEN 'on_hold'
                   WHEN r_status < 0.065 THEN 'layaway'
                   WHEN r_status < 0.105 THEN 'shipped'
                   WHEN r_status < 0.155 THEN 'cancelled'
                   WHEN r_status < 0.180 THEN 'refunded'
                   ELSE 'delivered' END::order_status AS status
    FROM gen_orders_raw
) AS s;
DROP TABLE gen_orders_raw;

CREATE TEMP TABLE gen_items AS
SELECT i.order_id, i.created_at, p.id AS product_id, p.name, p.sku, p.price, i.quantity,
       p.price * i.quantity AS line_total
FROM (
    SELECT o.id AS order_id, o.created_at,
           1 + floor(${products} * random() ^ 3)::int AS product_n,
           CASE WHEN random() < 0.8 THEN 1 WHEN random() < 0.75 THEN 2 ELSE 3 END AS quantity
    FROM gen_orders AS o
    CROSS JOIN LATERAL generate_series(1, o.item_count) AS line
) AS i
JOIN products AS p ON p.id = md5('product:' || i.product_n)::uuid;

INSERT INTO orders (id, user_id, status, currency, subtotal, tax, shipping, discount, total,
                    shipping_address, created_at, updated_at)
SELECT o.id, o.user_id, o.status, 'USD', s.subtotal, t.tax, t.shipping, t.discount,
       s.subtotal + t.tax + t.shipping - t.discount,
       (o.n % 997) || ' Market Street, Springfield', o.created_at, o.created_at + last.after
FROM gen_orders AS o
JOIN (SELECT order_id, sum(line_total) AS subtotal FROM gen_items GROUP BY order_id) AS s ON s.order_id = o.id
JOIN (SELECT status, variant, max(after) AS after FROM gen_status_paths GROUP BY status, variant) AS last
    ON last.status = o.status AND last.variant = o.variant
CROSS JOIN LATERAL (
    SELECT round(s.subtotal * 0.08, 2) AS tax,
           CASE WHEN s.subtotal >= 100 THEN 0 ELSE 9.99 END AS shipping,
           CASE WHEN o.discounted THEN round(s.subtotal * 0.10, 2) ELSE 0 END AS discount
) AS t
ORDER BY o.created_at;
