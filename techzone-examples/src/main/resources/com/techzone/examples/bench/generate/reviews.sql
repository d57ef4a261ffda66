-- Reviews: 90% of products (hot products get most), 10% of services; one per user per subject.
-- Ratings lean high; 85% approved (approved a day after writing), the rest wait for moderation.
INSERT INTO reviews (user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                     created_at, updated_at)
SELECT md5('user:' || user_n)::uuid,
       CASE WHEN on_product THEN md5('product:' || subject_n)::uuid END,
       CASE WHEN NOT on_product THEN md5('service:' || subject_n)::uuid END,
       CASE WHEN r_rating < 0.50 THEN 5 WHEN r_rating < 0.80 THEN 4 WHEN r_rating < 0.90 THEN 3
            WHEN r_rating < 0.95 THEN 2 ELSE 1 END,
       'Review ' || n, 'Generated review ' || n || ' of item ' || subject_n,
       r_approved < 0.85, CASE WHEN r_approved < 0.85 THEN created_at + interval '1 day' END,
       created_at, created_at
FROM (
    SELECT DISTINCT ON (on_product, subject_n, user_n) *
    FROM (
        SELECT n, on_product,
               CASE WHEN on_product THEN 1 + floor(${products} * random() ^ 3)::int
                    ELSE 1 + floor(${services} * random() ^ 2)::int END AS subject_n,
               1 + floor(${users} * random() ^ 2)::int AS user_n,
               random() AS r_rating, random() AS r_approved,
               now() - interval '2 days' - random() * interval '700 days' AS created_at
        FROM (SELECT n, random() < 0.9 AS on_product FROM generate_series(1, ${reviews} * 11 / 10) AS n) AS picks
    ) AS candidates
) AS unique_reviews
ORDER BY n
LIMIT ${reviews};
