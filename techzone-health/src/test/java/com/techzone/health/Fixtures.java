package com.techzone.health;

import com.techzone.testing.TestDatabase;
import java.util.function.UnaryOperator;

/** Running one check on a test database, and the named data scenarios the domain tests break. */
final class Fixtures {

    static final String USER = "00000000-0000-0000-0000-000000000001";
    static final String CATEGORY = "00000000-0000-0000-0000-000000000002";
    static final String PRODUCT = "00000000-0000-0000-0000-000000000003";
    static final String SERVICE = "00000000-0000-0000-0000-000000000004";
    static final String ORDER = "00000000-0000-0000-0000-000000000005";

    private Fixtures() {
    }

    /** Runs the whole selection configured by options and returns the result of one check. */
    static CheckResult check(TestDatabase db, String checkId, UnaryOperator<TechzoneHealth.Builder> options) {
        HealthReport report = options.apply(TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.values())).build().run();
        return report.check(checkId).orElseThrow(() -> new AssertionError(checkId + " did not run"));
    }

    /** Runs one check with the default options (all groups). */
    static CheckResult check(TestDatabase db, String checkId) {
        return check(db, checkId, b -> b);
    }

    /** A user, a category, a product with stock 5 recorded in the ledger, and a service. */
    static void catalogWithStock(TestDatabase db) {
        db.execute("INSERT INTO users (id, email, password_hash, full_name) VALUES ('" + USER + "', 'ann@shop.example', 'x', 'Ann')",
                "INSERT INTO categories (id, name, slug) VALUES ('" + CATEGORY + "', 'Laptops', 'laptops')",
                "INSERT INTO products (id, category_id, sku, name, price, stock) VALUES ('" + PRODUCT + "', '" + CATEGORY
                        + "', 'LAP-1', 'Laptop', 999.00, 5)",
                "INSERT INTO inventory_logs (product_id, change, reason, stock_after) VALUES ('" + PRODUCT + "', 5, 'initial', 5)",
                "INSERT INTO services (id, category_id, name, price, duration_minutes) VALUES ('" + SERVICE + "', '" + CATEGORY
                        + "', 'Repair', 50.00, 60)");
    }

    /** A consistent order of two laptops (subtotal 1998, tax 2, total 2000) with its creation history entry. */
    static void consistentOrder(TestDatabase db, String createdAt) {
        db.execute("INSERT INTO orders (id, user_id, subtotal, tax, total, created_at) VALUES ('" + ORDER + "', '" + USER
                        + "', 1998.00, 2.00, 2000.00, " + createdAt + ")",
                "INSERT INTO order_items (order_id, product_id, product_name, sku, price, quantity, line_total) VALUES ('"
                        + ORDER + "', '" + PRODUCT + "', 'Laptop', 'LAP-1', 999.00, 2, 1998.00)",
                "INSERT INTO order_status_history (order_id, from_status, to_status) VALUES ('" + ORDER + "', NULL, 'pending')");
    }
}
