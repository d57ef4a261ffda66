-- Rebuilds one period's sales report from its orders (UTC calendar periods; cancelled orders excluded,
-- refunded ones counted in gross revenue and again in refunds); idempotent through ON CONFLICT.
WITH period AS (
    SELECT date_trunc(:granularity::text, :day::date::timestamp)::date AS start_day,
           (date_trunc(:granularity::text, :day::date::timestamp) + ('1 ' || :granularity::text)::interval)::date AS end_day
), placed AS (
    SELECT o.id, o.total, o.status
    FROM <schema>.orders o, period
    WHERE o.created_at >= period.start_day::timestamp AT TIME ZONE 'UTC'
      AND o.created_at < period.end_day::timestamp AT TIME ZONE 'UTC'
      AND o.status <> 'cancelled'
), totals AS (
    SELECT count(*)::int AS orders_count,
           coalesce(sum(total), 0) AS gross,
           coalesce(sum(total) FILTER (WHERE status = 'refunded'), 0) AS refunds,
           (SELECT coalesce(sum(i.quantity), 0)::int FROM <schema>.order_items i JOIN placed p ON p.id = i.order_id) AS items_sold
    FROM placed
)
INSERT INTO <schema>.sales_reports (id, granularity, period_start, period_end, orders_count, items_sold, gross_revenue,
                           refunds, net_revenue, average_order_value, generated_at)
SELECT :id, :granularity::text, period.start_day, period.end_day, t.orders_count, t.items_sold, t.gross, t.refunds,
       t.gross - t.refunds,
       CASE WHEN t.orders_count = 0 THEN 0 ELSE round(t.gross / t.orders_count, 2) END,
       now()
FROM period, totals t
ON CONFLICT ON CONSTRAINT uq_sales_reports_period DO UPDATE
SET period_end = EXCLUDED.period_end,
    orders_count = EXCLUDED.orders_count,
    items_sold = EXCLUDED.items_sold,
    gross_revenue = EXCLUDED.gross_revenue,
    refunds = EXCLUDED.refunds,
    net_revenue = EXCLUDED.net_revenue,
    average_order_value = EXCLUDED.average_order_value,
    generated_at = EXCLUDED.generated_at
RETURNING id, granularity, period_start, period_end, orders_count, items_sold, gross_revenue, refunds,
          net_revenue, average_order_value, generated_at, created_at, updated_at
