package com.techzone.examples.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rules a TechZone data set obeys beyond what its constraints enforce, each checked by one
 * query that counts the rows breaking it. The benchmark checks them after generating data (and
 * fails if any is broken), and the generator's test proves the generator keeps them.
 */
public final class DataInvariants {

    /** Allowed order status transitions, as {@code from>to}. */
    static final String ALLOWED_TRANSITIONS = """
            'pending>processing', 'pending>on_hold', 'pending>cancelled',
            'processing>layaway', 'processing>shipped', 'processing>on_hold', 'processing>cancelled',
            'layaway>processing', 'layaway>cancelled',
            'on_hold>pending', 'on_hold>processing', 'on_hold>cancelled',
            'shipped>delivered', 'delivered>refunded'""";

    /** One rule: its name and a query returning the number of rows that break it. */
    record Check(String name, String sql) {
    }

    static final List<Check> CHECKS = List.of(
            new Check("every foreign key points at an existing row", """
                    SELECT (SELECT count(*) FROM cart_items c WHERE c.user_id IS NOT NULL AND NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id))
                    + (SELECT count(*) FROM cart_items c WHERE c.product_id IS NOT NULL AND NOT EXISTS (SELECT FROM products p WHERE p.id = c.product_id))
                    + (SELECT count(*) FROM orders c WHERE c.user_id IS NOT NULL AND NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id))
                    + (SELECT count(*) FROM order_items c WHERE c.order_id IS NOT NULL AND NOT EXISTS (SELECT FROM orders p WHERE p.id = c.order_id))
                    + (SELECT count(*) FROM order_items c WHERE c.product_id IS NOT NULL AND NOT EXISTS (SELECT FROM products p WHERE p.id = c.product_id))
                    + (SELECT count(*) FROM order_status_history c WHERE c.order_id IS NOT NULL AND NOT EXISTS (SELECT FROM orders p WHERE p.id = c.order_id))
                    + (SELECT count(*) FROM reviews c WHERE c.user_id IS NOT NULL AND NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id))
                    + (SELECT count(*) FROM reviews c WHERE c.product_id IS NOT NULL AND NOT EXISTS (SELECT FROM products p WHERE p.id = c.product_id))
                    + (SELECT count(*) FROM reviews c WHERE c.service_id IS NOT NULL AND NOT EXISTS (SELECT FROM services p WHERE p.id = c.service_id))
                    + (SELECT count(*) FROM bookings c WHERE c.user_id IS NOT NULL AND NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id))
                    + (SELECT count(*) FROM bookings c WHERE c.service_id IS NOT NULL AND NOT EXISTS (SELECT FROM services p WHERE p.id = c.service_id))
                    + (SELECT count(*) FROM inventory_logs c WHERE c.product_id IS NOT NULL AND NOT EXISTS (SELECT FROM products p WHERE p.id = c.product_id))
                    + (SELECT count(*) FROM products c WHERE c.category_id IS NOT NULL AND NOT EXISTS (SELECT FROM categories p WHERE p.id = c.category_id))
                    + (SELECT count(*) FROM services c WHERE c.category_id IS NOT NULL AND NOT EXISTS (SELECT FROM categories p WHERE p.id = c.category_id))"""),
            new Check("product stock equals the sum of its ledger", """
                    SELECT count(*) FROM products p
                    LEFT JOIN (SELECT product_id, sum(change) AS total FROM inventory_logs GROUP BY product_id) l
                        ON l.product_id = p.id
                    WHERE p.stock <> coalesce(l.total, 0)"""),
            new Check("ledger stock_after is the running sum, never negative", """
                    SELECT count(*) FROM (
                        SELECT stock_after, sum(change) OVER (PARTITION BY product_id ORDER BY created_at, id) AS running
                        FROM inventory_logs) l
                    WHERE stock_after <> running OR running < 0"""),
            new Check("order line total is price * quantity", """
                    SELECT count(*) FROM order_items WHERE line_total <> price * quantity"""),
            new Check("order subtotal is the sum of its lines", """
                    SELECT count(*) FROM orders o
                    LEFT JOIN (SELECT order_id, sum(line_total) AS total FROM order_items GROUP BY order_id) i
                        ON i.order_id = o.id
                    WHERE o.subtotal <> coalesce(i.total, -1)"""),
            new Check("order total is subtotal + tax + shipping - discount", """
                    SELECT count(*) FROM orders WHERE total <> subtotal + tax + shipping - discount"""),
            new Check("order status history is a valid path ending at the order's status", """
                    WITH h AS (
                        SELECT order_id, from_status, to_status, created_at,
                               lag(to_status) OVER w AS prev_to, lag(created_at) OVER w AS prev_at,
                               row_number() OVER w AS step,
                               row_number() OVER (PARTITION BY order_id ORDER BY created_at DESC, id DESC) AS from_end
                        FROM order_status_history
                        WINDOW w AS (PARTITION BY order_id ORDER BY created_at, id))
                    SELECT count(DISTINCT h.order_id) FROM h JOIN orders o ON o.id = h.order_id
                    WHERE (h.step = 1 AND (h.from_status IS NOT NULL OR h.to_status <> 'pending'))
                       OR (h.step > 1 AND (h.from_status IS DISTINCT FROM h.prev_to OR h.created_at <= h.prev_at
                           OR h.from_status::text || '>' || h.to_status::text NOT IN (%s)))
                       OR (h.from_end = 1 AND h.to_status <> o.status)""".formatted(ALLOWED_TRANSITIONS)),
            new Check("every order has a status history", """
                    SELECT count(*) FROM orders o
                    WHERE NOT EXISTS (SELECT FROM order_status_history h WHERE h.order_id = o.id)"""),
            new Check("daily sales reports match the orders of each past day", """
                    WITH sales AS (
                        SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS orders_count,
                               sum(i.items) AS items_sold, sum(o.total) AS gross,
                               coalesce(sum(o.total) FILTER (WHERE o.status = 'refunded'), 0) AS refunds
                        FROM orders o
                        JOIN (SELECT order_id, sum(quantity) AS items FROM order_items GROUP BY order_id) i
                            ON i.order_id = o.id
                        WHERE o.status <> 'cancelled'
                          AND o.created_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                        GROUP BY 1)
                    SELECT count(*) FROM sales s
                    FULL JOIN (SELECT * FROM sales_reports WHERE granularity = 'day') r ON r.period_start = s.day
                    WHERE s.day IS NULL OR r.period_start IS NULL
                       OR r.period_end <> s.day + 1 OR r.orders_count <> s.orders_count OR r.items_sold <> s.items_sold
                       OR r.gross_revenue <> s.gross OR r.refunds <> s.refunds OR r.net_revenue <> s.gross - s.refunds
                       OR r.average_order_value <> round(s.gross / s.orders_count, 2)"""),
            new Check("no two active bookings of a service overlap", """
                    SELECT count(*) FROM bookings a JOIN bookings b
                        ON a.service_id = b.service_id AND a.id < b.id
                       AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
                    WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')"""));

    private DataInvariants() {
    }

    /**
     * Runs every check.
     *
     * @return the broken rules with their row counts; empty when the data is consistent
     * @throws SQLException if a check cannot run (e.g. the schema is not TechZone's)
     */
    public static List<Violation> check(DataSource dataSource) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET work_mem = '256MB'");
            for (Check check : CHECKS) {
                try (ResultSet rs = s.executeQuery(check.sql())) {
                    rs.next();
                    long rows = rs.getLong(1);
                    if (rows != 0) {
                        violations.add(new Violation(check.name(), rows));
                    }
                }
            }
        }
        return violations;
    }

    /**
     * A broken rule.
     *
     * @param check what the rule says
     * @param rows how many rows (or orders, or days) break it
     */
    public record Violation(String check, long rows) {
    }
}
