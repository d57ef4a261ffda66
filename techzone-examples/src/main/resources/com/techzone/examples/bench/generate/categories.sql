-- The catalogue's categories, shared by products and services; ids derive from the number (md5).
INSERT INTO categories (id, name, slug, description, created_at, updated_at)
SELECT md5('category:' || c)::uuid, 'Category ' || c, 'category-' || c, 'Generated category ' || c,
       now() - interval '1100 days', now() - interval '1100 days'
FROM generate_series(1, ${categories}) AS c;
