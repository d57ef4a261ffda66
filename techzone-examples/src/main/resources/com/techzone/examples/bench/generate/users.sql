-- Customers (the first three are admins), all registered before the first order; 2% deactivated.
INSERT INTO users (id, email, password_hash, full_name, role, is_active, last_login_at, created_at, updated_at)
SELECT md5('user:' || u)::uuid, 'user' || u || '@example.com',
       '$2a$10$' || md5('salt:' || u) || substr(md5('hash:' || u), 1, 21),
       'User ' || u, CASE WHEN u <= 3 THEN 'admin'::user_role ELSE 'user'::user_role END,
       u % 50 <> 0, now() - random() * interval '30 days', t.created_at, t.created_at
FROM generate_series(1, ${users}) AS u
CROSS JOIN LATERAL (SELECT now() - interval '740 days' - (u % 360) * interval '1 day' AS created_at) AS t;
