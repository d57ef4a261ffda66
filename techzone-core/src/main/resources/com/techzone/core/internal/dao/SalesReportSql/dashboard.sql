-- The admin dashboard's counts in one round trip; each subquery can use a partial or status index.
SELECT (SELECT count(*) FROM <schema>.users WHERE is_active) AS active_users,
       (SELECT count(*) FROM <schema>.products WHERE is_active) AS active_products,
       (SELECT count(*) FROM <schema>.products WHERE stock <= low_stock_threshold AND is_active) AS low_stock_products,
       (SELECT count(*) FROM <schema>.orders WHERE status = 'pending') AS pending_orders,
       (SELECT count(*) FROM <schema>.orders WHERE status = 'processing') AS processing_orders,
       (SELECT count(*) FROM <schema>.reviews WHERE NOT is_approved) AS reviews_awaiting_moderation,
       (SELECT count(*) FROM <schema>.bookings WHERE status IN ('pending', 'confirmed') AND starts_at >= now()) AS upcoming_bookings,
       (SELECT count(*) FROM <schema>.contacts WHERE status = 'new') AS new_contact_messages
