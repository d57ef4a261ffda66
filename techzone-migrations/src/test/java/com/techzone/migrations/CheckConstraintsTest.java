package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

/**
 * Every named check constraint of the schema, each proven to reject a row that breaks it: a valid
 * base row per table, with one column changed. Each insert runs in a transaction that is rolled
 * back, so cases cannot disturb each other.
 */
@TechzoneDatabaseTest
class CheckConstraintsTest {

    private static final String USER = "'00000000-0000-0000-0000-000000000001'";
    private static final String PRODUCT = "'00000000-0000-0000-0000-000000000002'";
    private static final String SERVICE = "'00000000-0000-0000-0000-000000000003'";
    private static final String ORDER = "'00000000-0000-0000-0000-000000000004'";
    private static final String LONG_EMAIL = "repeat('a', 251) || '@x.io'";

    /** A valid row per table: column to SQL expression. */
    private static final Map<String, Map<String, String>> BASE_ROWS = Map.ofEntries(
            Map.entry("users", row("email", "'base@example.com'", "password_hash", "'hash'", "full_name", "'Base User'")),
            Map.entry("categories", row("name", "'Base'", "slug", "'base-category'")),
            Map.entry("products", row("sku", "'BASE-1'", "name", "'Base product'", "price", "9.99", "stock", "1")),
            Map.entry("services", row("name", "'Base service'", "price", "50", "duration_minutes", "30")),
            Map.entry("cart_items", row("user_id", USER, "product_id", PRODUCT, "quantity", "1")),
            Map.entry("orders", row("user_id", USER, "subtotal", "10", "tax", "1", "shipping", "2", "discount", "3", "total", "10")),
            Map.entry("order_items", row("order_id", ORDER, "product_id", PRODUCT, "product_name", "'P'", "sku", "'S'",
                    "price", "2", "quantity", "3", "line_total", "6")),
            Map.entry("order_status_history", row("order_id", ORDER, "to_status", "'processing'", "from_status", "'pending'")),
            Map.entry("reviews", row("user_id", USER, "product_id", PRODUCT, "rating", "5")),
            Map.entry("bookings", row("service_id", SERVICE, "contact_name", "'Guest'", "contact_email", "'guest@example.com'",
                    "starts_at", "'2030-01-01 10:00Z'", "ends_at", "'2030-01-01 11:00Z'")),
            Map.entry("contacts", row("name", "'Visitor'", "email", "'visitor@example.com'", "subject", "'Hello'", "message", "'Hi'")),
            Map.entry("inventory_logs", row("product_id", PRODUCT, "change", "1", "reason", "'restock'", "stock_after", "2")),
            Map.entry("sales_reports", row("granularity", "'day'", "period_start", "'2030-01-01'", "period_end", "'2030-01-02'")));

    private final DataSource dataSource;

    CheckConstraintsTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    static void createReferencedRows(TestDatabase db) {
        db.execute(
                "INSERT INTO users (id, email, password_hash, full_name) VALUES (" + USER + ", 'owner@example.com', 'h', 'Owner')",
                "INSERT INTO products (id, sku, name, price) VALUES (" + PRODUCT + ", 'FIX-1', 'Fixture', 1)",
                "INSERT INTO services (id, name, price, duration_minutes) VALUES (" + SERVICE + ", 'Fixture', 1, 60)",
                "INSERT INTO orders (id, user_id, subtotal, total) VALUES (" + ORDER + ", " + USER + ", 0, 0)");
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("chk_users_email_length", "users", "email", LONG_EMAIL),
                violation("chk_users_email_format", "users", "email", "'no-at-sign'"),
                violation("chk_users_password_hash_length", "users", "password_hash", "''"),
                violation("chk_users_full_name_length", "users", "full_name", "''"),
                violation("chk_categories_name_length", "categories", "name", "repeat('n', 201)"),
                violation("chk_categories_slug_format", "categories", "slug", "'Not A Slug'"),
                violation("chk_categories_description_length", "categories", "description", "repeat('d', 5001)"),
                violation("chk_products_price_positive", "products", "price", "0"),
                violation("chk_products_stock_nonnegative", "products", "stock", "-1"),
                violation("chk_products_low_stock_threshold_nonnegative", "products", "low_stock_threshold", "-1"),
                violation("chk_products_sku_length", "products", "sku", "''"),
                violation("chk_products_name_length", "products", "name", "''"),
                violation("chk_products_description_length", "products", "description", "repeat('d', 5001)"),
                violation("chk_services_price_positive", "services", "price", "-5"),
                violation("chk_services_duration_positive", "services", "duration_minutes", "0"),
                violation("chk_services_name_length", "services", "name", "repeat('n', 201)"),
                violation("chk_services_description_length", "services", "description", "repeat('d', 5001)"),
                violation("chk_cart_items_quantity_positive", "cart_items", "quantity", "0"),
                violation("chk_orders_totals_nonnegative", "orders", "discount", "-1", "total", "14"),
                violation("chk_orders_total_consistent", "orders", "total", "11"),
                violation("chk_orders_currency_format", "orders", "currency", "'usd'"),
                violation("chk_orders_shipping_address_length", "orders", "shipping_address", "repeat('a', 1001)"),
                violation("chk_orders_idempotency_key_length", "orders", "idempotency_key", "''"),
                violation("chk_order_items_quantity_positive", "order_items", "quantity", "0", "line_total", "0"),
                violation("chk_order_items_price_nonnegative", "order_items", "price", "-2", "line_total", "-6"),
                violation("chk_order_items_line_total", "order_items", "line_total", "7"),
                violation("chk_order_items_product_name_length", "order_items", "product_name", "''"),
                violation("chk_order_items_sku_length", "order_items", "sku", "''"),
                violation("chk_order_status_history_changed", "order_status_history", "to_status", "'pending'"),
                violation("chk_order_status_history_note_length", "order_status_history", "note", "repeat('n', 5001)"),
                violation("chk_reviews_rating_range", "reviews", "rating", "0"),
                violation("chk_reviews_rating_range", "reviews", "rating", "6"),
                violation("chk_reviews_one_subject", "reviews", "service_id", SERVICE),
                violation("chk_reviews_approval", "reviews", "is_approved", "true"),
                violation("chk_reviews_title_length", "reviews", "title", "repeat('t', 201)"),
                violation("chk_reviews_body_length", "reviews", "body", "repeat('b', 5001)"),
                violation("chk_bookings_status", "bookings", "status", "'done'"),
                violation("chk_bookings_time_range", "bookings", "ends_at", "'2030-01-01 09:00Z'"),
                violation("chk_bookings_contact_name_length", "bookings", "contact_name", "''"),
                violation("chk_bookings_contact_email_length", "bookings", "contact_email", LONG_EMAIL),
                violation("chk_bookings_contact_email_format", "bookings", "contact_email", "'nobody'"),
                violation("chk_bookings_notes_length", "bookings", "notes", "repeat('n', 5001)"),
                violation("chk_contacts_status", "contacts", "status", "'open'"),
                violation("chk_contacts_name_length", "contacts", "name", "''"),
                violation("chk_contacts_email_length", "contacts", "email", LONG_EMAIL),
                violation("chk_contacts_email_format", "contacts", "email", "'visitor at example.com'"),
                violation("chk_contacts_subject_length", "contacts", "subject", "''"),
                violation("chk_contacts_message_length", "contacts", "message", "''"),
                violation("chk_inventory_logs_change_nonzero", "inventory_logs", "change", "0"),
                violation("chk_inventory_logs_stock_after_nonnegative", "inventory_logs", "stock_after", "-1"),
                violation("chk_inventory_logs_reason", "inventory_logs", "reason", "'theft'"),
                violation("chk_inventory_logs_note_length", "inventory_logs", "note", "repeat('n', 5001)"),
                violation("chk_sales_reports_granularity", "sales_reports", "granularity", "'year'"),
                violation("chk_sales_reports_period", "sales_reports", "period_end", "'2030-01-01'"),
                violation("chk_sales_reports_counts_nonnegative", "sales_reports", "orders_count", "-1"),
                violation("chk_sales_reports_amounts_nonnegative", "sales_reports", "refunds", "-1"));
    }

    @Test
    void shouldAcceptTheBaseRowOfEveryTable() {
        assertThat(BASE_ROWS).hasSize(13);
        for (String table : BASE_ROWS.keySet()) {
            assertThatCode(() -> insertAndRollBack(table, BASE_ROWS.get(table))).as(table).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("violations")
    void shouldRejectARowThatBreaksTheConstraint(String constraint, String table, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(BASE_ROWS.get(table));
        values.putAll(overrides);

        PSQLException e = catchThrowableOfType(PSQLException.class, () -> insertAndRollBack(table, values));

        assertThat((Throwable) e).as("%s should reject %s", constraint, overrides).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("23514");
        assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
    }

    @Test
    void shouldHaveACaseForEveryCheckConstraintInTheSchema() {
        List<String> inSchema = new SchemaCatalog(dataSource).strings("""
                SELECT conname FROM pg_constraint
                WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY 1""");
        List<String> tested = violations().map(a -> (String) a.get()[0]).distinct().sorted().toList();

        assertThat(inSchema).containsExactlyElementsOf(tested);
        assertThat(inSchema).contains("chk_products_price_positive", "chk_products_stock_nonnegative",
                "chk_services_price_positive", "chk_orders_totals_nonnegative", "chk_reviews_rating_range",
                "chk_order_items_quantity_positive", "chk_order_items_price_nonnegative");
    }

    private void insertAndRollBack(String table, Map<String, String> values) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + String.join(", ", values.values()) + ")";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } finally {
                c.rollback();
            }
        }
    }

    private static Arguments violation(String constraint, String table, String... columnValuePairs) {
        return Arguments.of(constraint, table, row(columnValuePairs));
    }

    private static Map<String, String> row(String... columnValuePairs) {
        return Stream.iterate(0, i -> i < columnValuePairs.length, i -> i + 2)
                .collect(Collectors.toMap(i -> columnValuePairs[i], i -> columnValuePairs[i + 1],
                        (a, b) -> b, LinkedHashMap::new));
    }
}
