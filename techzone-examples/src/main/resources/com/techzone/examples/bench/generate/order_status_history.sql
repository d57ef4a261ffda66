-- Each order's history: a valid path from (NULL -> pending) to its status, in time order.
INSERT INTO order_status_history (order_id, from_status, to_status, created_at)
SELECT o.id, p.from_status, p.to_status, o.created_at + p.after
FROM gen_orders AS o
JOIN gen_status_paths AS p ON p.status = o.status AND p.variant = o.variant
ORDER BY o.created_at, p.step;
DROP TABLE gen_orders;
