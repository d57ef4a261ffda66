-- Daily sales reports (UTC days) for every past day with orders, rebuilt from the orders: cancelled
-- orders are not sales; refunds are the totals of refunded orders; net = gross - refunds.
INSERT INTO sales_reports (granularity, period_start, period_end, orders_count, items_sold, gross_revenue,
                           refunds, net_revenue, average_order_value, generated_at)
SELECT 'day', day, day + 1, count(*), sum(items), sum(total),
       coalesce(sum(total) FILTER (WHERE status = 'refunded'), 0),
       sum(total) - coalesce(sum(total) FILTER (WHERE status = 'refunded'), 0),
       round(sum(total) / count(*), 2), now()
FROM (
    SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, o.status, o.total, i.items
    FROM orders AS o
    JOIN (SELECT order_id, sum(quantity) AS items FROM order_items GROUP BY order_id) AS i ON i.order_id = o.id
    WHERE o.status <> 'cancelled'
      AND o.created_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
) AS sales
GROUP BY day;
