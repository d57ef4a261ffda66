-- Bookable services, spread over the categories; 4% inactive.
INSERT INTO services (id, category_id, name, description, price, duration_minutes, is_active, created_at, updated_at)
SELECT md5('service:' || s)::uuid, md5('category:' || (1 + s % ${categories}))::uuid,
       'Service ' || s, 'Generated service ' || s, round((20 + 480 * random())::numeric, 2),
       (ARRAY[30, 45, 60, 90, 120])[1 + s % 5], s % 25 <> 0,
       now() - interval '800 days', now() - interval '800 days'
FROM generate_series(1, ${services}) AS s;
