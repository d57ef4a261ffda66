package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** The schema the migrations build, compared with schema.md: tables, keys, enums, exclusion, uniqueness. */
@TechzoneDatabaseTest
class SchemaTest {

    private final TestDatabase db;
    private final SchemaCatalog catalog;

    SchemaTest(TestDatabase db) {
        this.db = db;
        this.catalog = new SchemaCatalog(db.dataSource());
    }

    @Test
    void shouldCreateTheThirteenTables() {
        assertThat(catalog.tables("public")).containsExactly("bookings", "cart_items", "categories", "contacts",
                "inventory_logs", "order_items", "order_status_history", "orders", "products", "reviews",
                "sales_reports", "services", "users");
    }

    @Test
    void shouldCreateTheFourteenForeignKeysWithTheirDeleteRules() {
        assertThat(catalog.foreignKeys("public")).containsOnly(
                entry("fk_cart_items_user_id", "cart_items.user_id->users CASCADE"),
                entry("fk_cart_items_product_id", "cart_items.product_id->products CASCADE"),
                entry("fk_orders_user_id", "orders.user_id->users RESTRICT"),
                entry("fk_order_items_order_id", "order_items.order_id->orders CASCADE"),
                entry("fk_order_items_product_id", "order_items.product_id->products SET NULL"),
                entry("fk_order_status_history_order_id", "order_status_history.order_id->orders CASCADE"),
                entry("fk_reviews_user_id", "reviews.user_id->users CASCADE"),
                entry("fk_reviews_product_id", "reviews.product_id->products CASCADE"),
                entry("fk_reviews_service_id", "reviews.service_id->services CASCADE"),
                entry("fk_bookings_user_id", "bookings.user_id->users SET NULL"),
                entry("fk_bookings_service_id", "bookings.service_id->services RESTRICT"),
                entry("fk_inventory_logs_product_id", "inventory_logs.product_id->products RESTRICT"),
                entry("fk_products_category_id", "products.category_id->categories SET NULL"),
                entry("fk_services_category_id", "services.category_id->categories SET NULL"));
    }

    @Test
    void shouldCreateTheEnumTypesWithTheirValuesInOrder() {
        assertThat(catalog.enumValues("order_status")).containsExactly(
                "pending", "processing", "layaway", "shipped", "delivered", "cancelled", "refunded", "on_hold");
        assertThat(catalog.enumValues("user_role")).containsExactly("user", "admin");
    }

    @Test
    void shouldRejectAStatusOutsideTheEnum() {
        assertThatThrownBy(() -> db.execute("""
                INSERT INTO users (email, password_hash, full_name) VALUES ('e@x.io', 'h', 'E');
                INSERT INTO orders (user_id, status, subtotal, total)
                SELECT id, 'shippeddelivered', 0, 0 FROM users WHERE email = 'e@x.io'"""))
                .hasRootCauseInstanceOf(PSQLException.class)
                .rootCause().hasMessageContaining("invalid input value for enum order_status");
    }

    @Test
    void shouldUseTimestamptzForEveryTimestampAndNumericForEveryAmount() {
        assertThat(catalog.strings("""
                SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'techzone_schema_history' AND (data_type IN ('timestamp without time zone', 'double precision',
                      'real', 'money', 'character varying', 'character')
                   OR (column_name IN ('price', 'subtotal', 'tax', 'shipping', 'discount', 'total', 'line_total',
                       'gross_revenue', 'refunds', 'net_revenue', 'average_order_value') AND data_type <> 'numeric'))""")).isEmpty();
        assertThat(catalog.strings("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN ('created_at', 'updated_at')
                  AND data_type = 'timestamp with time zone'""")).containsExactly("23");
    }

    @Test
    void shouldRejectAnOverlappingActiveBookingOfTheSameService() {
        try (TestDatabase own = TestPostgres.get().createMigratedDatabase()) {
            own.execute("""
                    INSERT INTO services (id, name, price, duration_minutes)
                    VALUES ('00000000-0000-0000-0000-0000000000a1', 'Repair', 50, 60),
                           ('00000000-0000-0000-0000-0000000000a2', 'Setup', 50, 60)""",
                    booking("a1", "10:00", "11:00", "confirmed"),
                    // touching ranges do not overlap: [10,11) and [11,12)
                    booking("a1", "11:00", "12:00", "pending"),
                    // another service may use the same slot
                    booking("a2", "10:00", "11:00", "pending"),
                    // a cancelled booking does not hold its slot
                    booking("a1", "10:30", "11:30", "cancelled"));

            assertThatThrownBy(() -> own.execute(booking("a1", "10:30", "10:45", "pending")))
                    .rootCause().isInstanceOf(PSQLException.class)
                    .satisfies(e -> {
                        PSQLException p = (PSQLException) e;
                        assertThat(p.getSQLState()).isEqualTo("23P01");
                        assertThat(p.getServerErrorMessage().getConstraint()).isEqualTo("ex_bookings_no_overlap");
                    });
        }
    }

    @Test
    void shouldTreatEmailsThatDifferOnlyInCaseAsOne() {
        try (TestDatabase own = TestPostgres.get().createMigratedDatabase()) {
            own.execute("INSERT INTO users (email, password_hash, full_name) VALUES ('Ann@Shop.example', 'h', 'Ann')");

            assertThatThrownBy(() -> own.execute(
                    "INSERT INTO users (email, password_hash, full_name) VALUES ('ann@shop.EXAMPLE', 'h', 'Ann 2')"))
                    .rootCause().hasMessageContaining("uq_users_email_lower");
        }
    }

    @Test
    void shouldKeepUpdatedAtCurrentOnEveryEditedTable() {
        assertThat(catalog.strings("""
                SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND t.tgname = 'trg_' || c.relname || '_updated_at' ORDER BY 1"""))
                .isEqualTo(catalog.strings("""
                        SELECT table_name::text FROM information_schema.columns
                        WHERE table_schema = 'public' AND column_name = 'updated_at' ORDER BY 1"""));
        try (TestDatabase own = TestPostgres.get().createMigratedDatabase()) {
            own.execute("INSERT INTO categories (name, slug, updated_at) VALUES ('A', 'a', '2000-01-01Z')",
                    "UPDATE categories SET name = 'B'");
            assertThat(new SchemaCatalog(own.dataSource())
                    .strings("SELECT updated_at > now() - interval '1 minute' FROM categories")).containsExactly("t");
        }
    }

    @Test
    void shouldApplyTheDeleteRulesWhenRowsAreDeleted() {
        try (TestDatabase own = TestPostgres.get().createMigratedDatabase()) {
            own.execute("""
                    INSERT INTO users (id, email, password_hash, full_name)
                    VALUES ('00000000-0000-0000-0000-0000000000b1', 'b@x.io', 'h', 'B');
                    INSERT INTO categories (id, name, slug) VALUES ('00000000-0000-0000-0000-0000000000c1', 'C', 'c');
                    INSERT INTO products (id, category_id, sku, name, price)
                    VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1', 'D', 'D', 1);
                    INSERT INTO cart_items (user_id, product_id, quantity)
                    VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000d1', 1);
                    INSERT INTO orders (user_id, subtotal, total) VALUES ('00000000-0000-0000-0000-0000000000b1', 0, 0);
                    DELETE FROM categories;""");
            SchemaCatalog own2 = new SchemaCatalog(own.dataSource());
            assertThat(own2.strings("SELECT category_id IS NULL FROM products")).containsExactly("t");

            assertThatThrownBy(() -> own.execute("DELETE FROM users")).rootCause().hasMessageContaining("fk_orders_user_id");

            own.execute("DELETE FROM orders", "DELETE FROM users");
            assertThat(own2.strings("SELECT count(*) FROM cart_items")).containsExactly("0");
        }
    }

    @Test
    void shouldRunOnTheConfiguredPostgresMajorVersion() {
        List<String> version = catalog.strings("SELECT current_setting('server_version_num')::int / 10000");
        String expected = System.getProperty("techzone.test.postgres.major");
        if ("embedded".equals(TestPostgres.get().kind()) && expected != null) {
            assertThat(version).containsExactly(expected);
        }
        assertThat(Integer.parseInt(version.get(0))).isGreaterThanOrEqualTo(14);
    }

    private static String booking(String service, String from, String to, String status) {
        return "INSERT INTO bookings (service_id, contact_name, contact_email, starts_at, ends_at, status) VALUES ("
                + "'00000000-0000-0000-0000-0000000000" + service + "', 'Guest', 'g@x.io', "
                + "'2030-05-01 " + from + "Z', '2030-05-01 " + to + "Z', '" + status + "')";
    }
}
