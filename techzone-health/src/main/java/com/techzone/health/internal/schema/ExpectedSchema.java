package com.techzone.health.internal.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema the TechZone migrations build (docs/schema.md): the 13 tables, the 14 foreign keys with
 * their delete rules, the report's 7 check constraints, the enum types, the money columns, and the
 * manifest {@code expected-schema.tsv} of every object (kind, name, detail) the migrations create,
 * which a test regenerates from a freshly migrated database.
 */
final class ExpectedSchema {

    static final List<String> TABLES = List.of("users", "categories", "products", "services", "cart_items", "orders",
            "order_items", "order_status_history", "reviews", "bookings", "contacts", "inventory_logs", "sales_reports");

    /** A foreign key: column, referenced table, delete rule. */
    record ForeignKey(String table, String column, String referencedTable, String onDelete) {
        String key() {
            return table + "." + column;
        }

        String constraintName() {
            return "fk_" + table + "_" + column;
        }
    }

    static final List<ForeignKey> FOREIGN_KEYS = List.of(
            new ForeignKey("cart_items", "user_id", "users", "CASCADE"),
            new ForeignKey("cart_items", "product_id", "products", "CASCADE"),
            new ForeignKey("orders", "user_id", "users", "RESTRICT"),
            new ForeignKey("order_items", "order_id", "orders", "CASCADE"),
            new ForeignKey("order_items", "product_id", "products", "SET NULL"),
            new ForeignKey("order_status_history", "order_id", "orders", "CASCADE"),
            new ForeignKey("reviews", "user_id", "users", "CASCADE"),
            new ForeignKey("reviews", "product_id", "products", "CASCADE"),
            new ForeignKey("reviews", "service_id", "services", "CASCADE"),
            new ForeignKey("bookings", "user_id", "users", "SET NULL"),
            new ForeignKey("bookings", "service_id", "services", "RESTRICT"),
            new ForeignKey("inventory_logs", "product_id", "products", "RESTRICT"),
            new ForeignKey("products", "category_id", "categories", "SET NULL"),
            new ForeignKey("services", "category_id", "categories", "SET NULL"));

    /** The seven check constraints the report names, with their tables. */
    static final Map<String, String> REPORT_CHECK_CONSTRAINTS = orderedMap(
            "chk_products_price_positive", "products",
            "chk_products_stock_nonnegative", "products",
            "chk_services_price_positive", "services",
            "chk_orders_totals_nonnegative", "orders",
            "chk_reviews_rating_range", "reviews",
            "chk_order_items_quantity_positive", "order_items",
            "chk_order_items_price_nonnegative", "order_items");

    static final Map<String, List<String>> ENUMS = Map.of(
            "order_status", List.of("pending", "processing", "layaway", "shipped", "delivered", "cancelled", "refunded", "on_hold"),
            "user_role", List.of("user", "admin"));

    static final Set<String> MONEY_COLUMNS = Set.of("products.price", "services.price", "orders.subtotal", "orders.tax",
            "orders.shipping", "orders.discount", "orders.total", "order_items.price", "order_items.line_total",
            "sales_reports.gross_revenue", "sales_reports.refunds", "sales_reports.net_revenue",
            "sales_reports.average_order_value");

    /** One object of the manifest. */
    record SchemaObject(String kind, String name, String detail) {
        String key() {
            return kind + " " + name;
        }
    }

    static final List<SchemaObject> MANIFEST = loadManifest();

    private ExpectedSchema() {
    }

    /** The manifest entries of one kind. */
    static List<SchemaObject> manifest(String kind) {
        return MANIFEST.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    private static List<SchemaObject> loadManifest() {
        try (InputStream in = ExpectedSchema.class.getResourceAsStream("expected-schema.tsv")) {
            if (in == null) {
                throw new IllegalStateException("expected-schema.tsv is missing from techzone-health");
            }
            List<SchemaObject> objects = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                objects.add(new SchemaObject(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
