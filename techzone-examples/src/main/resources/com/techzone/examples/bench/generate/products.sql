-- The stock ledger first (staged), then products whose stock is its sum, then the ledger itself.
-- Every product gets an 'initial' entry; the other entries pick products by a power law, so a few
-- products are hot. The running stock never goes negative: each block of nine moves between two
-- restocks removes at most 45 units, and a restock (or the initial stock) adds at least 50.
-- About 3% of products end with a stock-count adjustment down to 0..4 units: the low-stock list.
CREATE TEMP TABLE gen_ledger_events AS
SELECT product_n, created_at,
       row_number() OVER (PARTITION BY product_n ORDER BY kind, created_at) AS seq
FROM (
    SELECT p AS product_n, 0 AS kind, now() - interval '730 days' + (p % 97) * interval '1 minute' AS created_at
    FROM generate_series(1, ${products}) AS p
    UNION ALL
    SELECT 1 + floor(${products} * random() ^ 2)::int, 1, now() - interval '1 day' - random() * interval '728 days'
    FROM generate_series(1, ${ledger_moves})
) AS events;

CREATE TEMP TABLE gen_ledger AS
SELECT product_n, seq, created_at, reason,
       CASE reason
           WHEN 'initial' THEN 50 + floor(random() * 450)::int
           WHEN 'restock' THEN 50 + floor(random() * 150)::int
           WHEN 'refund' THEN 1 + floor(random() * 2)::int
           WHEN 'cancellation' THEN 1 + floor(random() * 3)::int
           WHEN 'adjustment' THEN -(1 + floor(random() * 2)::int)
           ELSE -(1 + floor(random() * 5)::int)
       END AS change
FROM (
    SELECT product_n, seq, created_at,
           CASE WHEN seq = 1 THEN 'initial'
                WHEN seq % 10 = 1 THEN 'restock'
                WHEN seq % 23 = 0 THEN 'refund'
                WHEN seq % 17 = 0 THEN 'cancellation'
                WHEN seq % 29 = 0 THEN 'adjustment'
                ELSE 'sale' END AS reason
    FROM gen_ledger_events
) AS typed;

INSERT INTO gen_ledger (product_n, seq, created_at, reason, change)
SELECT product_n, max(seq) + 1, now() - interval '12 hours', 'adjustment', product_n % 5 - sum(change)
FROM gen_ledger
WHERE product_n % 33 = 0
GROUP BY product_n;

INSERT INTO products (id, category_id, sku, name, description, price, stock, low_stock_threshold, is_active,
                      created_at, updated_at)
SELECT md5('product:' || p)::uuid,
       md5('category:' || (1 + floor(${categories} * random() ^ 1.5)::int))::uuid,
       'SKU-' || lpad(p::text, 7, '0'), 'Product ' || p, 'Generated product ' || p,
       round((5 + 1995 * random() ^ 2)::numeric, 2), s.stock, 5, p % 20 <> 0,
       now() - interval '731 days', now() - interval '731 days'
FROM generate_series(1, ${products}) AS p
JOIN (SELECT product_n, sum(change)::int AS stock FROM gen_ledger GROUP BY product_n) AS s ON s.product_n = p;
