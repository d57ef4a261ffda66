-- Bookings of services (popular services get most), from nine months ago into the future. Within a
-- service, consecutive bookings start at least duration + 15 minutes apart, so active bookings
-- (pending, confirmed) never overlap. Past bookings are completed, cancelled or no-shows; 20% are
-- guest bookings without a user.
CREATE TEMP TABLE gen_bookings AS
SELECT n, service_n, user_n, guest,
       row_number() OVER (PARTITION BY service_n ORDER BY n) AS j,
       count(*) OVER (PARTITION BY service_n) AS per_service
FROM (
    SELECT n, 1 + floor(${services} * random() ^ 2)::int AS service_n,
           1 + floor(${users} * random() ^ 2)::int AS user_n, random() < 0.2 AS guest
    FROM generate_series(1, ${bookings}) AS n
) AS picks;

INSERT INTO bookings (service_id, user_id, contact_name, contact_email, starts_at, ends_at, status, notes,
                      created_at, updated_at)
SELECT s.id, CASE WHEN b.guest THEN NULL ELSE md5('user:' || b.user_n)::uuid END,
       CASE WHEN b.guest THEN 'Guest ' || b.n ELSE 'User ' || b.user_n END,
       CASE WHEN b.guest THEN 'guest' || b.n || '@example.net' ELSE 'user' || b.user_n || '@example.com' END,
       t.starts_at, t.starts_at + s.duration_minutes * interval '1 minute',
       CASE WHEN t.starts_at < now() THEN
                CASE WHEN b.n % 20 < 17 THEN 'completed' WHEN b.n % 20 < 19 THEN 'cancelled' ELSE 'no_show' END
            ELSE
                CASE WHEN b.n % 20 < 14 THEN 'confirmed' WHEN b.n % 20 < 18 THEN 'pending' ELSE 'cancelled' END
       END,
       NULL, least(t.starts_at, now()) - interval '7 days', least(t.starts_at, now()) - interval '7 days'
FROM gen_bookings AS b
JOIN services AS s ON s.id = md5('service:' || b.service_n)::uuid
CROSS JOIN LATERAL (
    SELECT date_trunc('hour', now()) - interval '270 days'
           + (b.j - 1) * greatest(interval '365 days' / b.per_service, (s.duration_minutes + 15) * interval '1 minute')
           AS starts_at
) AS t
ORDER BY t.starts_at;
DROP TABLE gen_bookings;
