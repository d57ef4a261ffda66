package com.techzone.core.reliability;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The invariants of the shop, each one SQL query listing the rows that break it. {@link #violations}
 * returns one line per broken row, so a failing assertion says exactly what is wrong.
 */
final class Invariants {

    private static final String[][] CHECKS = {
        {"negative stock", "SELECT sku || ' stock ' || stock FROM products WHERE stock < 0"},
        {"stock differs from the ledger", """
                SELECT p.sku || ' stock ' || p.stock || ' ledger ' || coalesce(sum(l.change), 0)
                FROM products p LEFT JOIN inventory_logs l ON l.product_id = p.id
                GROUP BY p.id HAVING p.stock <> coalesce(sum(l.change), 0)"""},
        {"ledger stock_after disagrees with the running sum", """
                SELECT product_id || ' at ' || id FROM (
                    SELECT id, product_id, stock_after,
                           sum(change) OVER (PARTITION BY product_id ORDER BY created_at, id) AS running
                    FROM inventory_logs) l
                WHERE stock_after <> running"""},
        {"subtotal differs from the sum of line totals", """
                SELECT o.order_number || ' subtotal ' || o.subtotal || ' lines ' || coalesce(sum(i.line_total), 0)
                FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
                GROUP BY o.id HAVING o.subtotal <> coalesce(sum(i.line_total), 0)"""},
        {"line total differs from price x quantity",
                "SELECT order_id || ' ' || sku FROM order_items WHERE line_total <> price * quantity"},
        {"total differs from subtotal + tax + shipping - discount", """
                SELECT order_number || ' total ' || total FROM orders
                WHERE total <> subtotal + tax + shipping - discount"""},
        {"order without lines",
                "SELECT order_number::text FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)"},
        {"order without its first history row", """
                SELECT order_number::text FROM orders o WHERE NOT EXISTS (
                    SELECT 1 FROM order_status_history h WHERE h.order_id = o.id AND h.from_status IS NULL AND h.to_status = 'pending')"""},
        {"order status differs from its last history row", """
                SELECT o.order_number || ' is ' || o.status || ', history says ' || h.to_status
                FROM orders o JOIN LATERAL (
                    SELECT to_status FROM order_status_history WHERE order_id = o.id ORDER BY created_at DESC, id DESC LIMIT 1) h ON true
                WHERE h.to_status <> o.status"""},
        {"order line without its sale in the ledger", """
                SELECT i.order_id || ' ' || i.sku FROM order_items i
                WHERE i.product_id IS NOT NULL AND -i.quantity <> (
                    SELECT coalesce(sum(change), 0) FROM inventory_logs l
                    WHERE l.order_id = i.order_id AND l.product_id = i.product_id AND l.reason = 'sale')"""},
        {"cancelled or refunded order whose units did not come back", """
                SELECT o.order_number || ' ' || o.status FROM orders o
                WHERE o.status IN ('cancelled', 'refunded') AND 0 <> (
                    SELECT coalesce(sum(change), 0) FROM inventory_logs l WHERE l.order_id = o.id)"""},
        {"open order whose units came back", """
                SELECT o.order_number || ' ' || o.status FROM orders o
                WHERE o.status NOT IN ('cancelled', 'refunded') AND EXISTS (
                    SELECT 1 FROM inventory_logs l WHERE l.order_id = o.id AND l.reason IN ('cancellation', 'refund'))"""},
    };

    private Invariants() {
    }

    /** Every broken invariant, one line per offending row; empty when the data is consistent. */
    static List<String> violations(Jdbi jdbi) {
        return jdbi.withHandle(Invariants::violations);
    }

    static List<String> violations(Handle h) {
        List<String> found = new ArrayList<>();
        for (String[] check : CHECKS) {
            for (String row : h.createQuery(check[1]).mapTo(String.class).list()) {
                found.add(check[0] + ": " + row);
            }
        }
        return found;
    }
}
