package com.techzone.core.internal.dao;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.Techzone;
import com.techzone.core.contact.ContactStatus;
import com.techzone.core.order.OrderStatus;
import com.techzone.testing.TechzoneDatabaseTest;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The listings and lookups on tables that grow use their index: tens of thousands of rows made
 * server-side with generate_series, ANALYZEd, then the DAO's own SQL (read from its annotation) is
 * EXPLAINed with real parameter values.
 */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final String FIRST_DESC = "infinity";
    private static final String FIRST_ASC = "-infinity";
    private static final UUID MAX_UUID = new UUID(-1L, -1L);
    private static final UUID MIN_UUID = new UUID(0L, 0L);

    private Techzone tz;
    private final Map<String, UUID> sample = new LinkedHashMap<>();

    @BeforeAll
    void generateData(DataSource dataSource) {
        tz = Techzone.create(dataSource);
        tz.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO users (email, password_hash, full_name)
                    SELECT 'user' || g || '@plan.test', 'hash', 'User ' || g FROM generate_series(1, 20000) g""");
            h.execute("""
                    INSERT INTO categories (name, slug) SELECT 'Category ' || g, 'category-' || g FROM generate_series(1, 50) g""");
            h.execute("CREATE TEMP TABLE nu AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM users");
            h.execute("CREATE TEMP TABLE nc AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM categories");
            h.execute("""
                    INSERT INTO products (category_id, sku, name, price, stock, low_stock_threshold, is_active, created_at)
                    SELECT (SELECT id FROM nc WHERE n = 1 + g % 50), 'SKU-' || g, 'Product ' || g, 1 + g % 100,
                           CASE WHEN g % 50 = 0 THEN g % 5 ELSE 100 + g % 50 END, 5, g % 10 <> 0,
                           now() - (g || ' minutes')::interval
                    FROM generate_series(1, 50000) g""");
            h.execute("CREATE TEMP TABLE np AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM products");
            h.execute("""
                    INSERT INTO services (category_id, name, price, duration_minutes)
                    SELECT (SELECT id FROM nc WHERE n = 1 + g % 50), 'Service ' || g, 50, 60 FROM generate_series(1, 5000) g""");
            h.execute("CREATE TEMP TABLE ns AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM services");
            h.execute("""
                    INSERT INTO orders (user_id, status, subtotal, total, idempotency_key, created_at)
                    SELECT nu.id, (enum_range(NULL::order_status))[1 + g % 8], 10, 10,
                           CASE WHEN g % 2 = 0 THEN 'key-' || g END, now() - (g || ' minutes')::interval
                    FROM generate_series(1, 50000) g JOIN nu ON nu.n = 1 + g % 20000""");
            h.execute("CREATE TEMP TABLE no AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM orders");
            h.execute("""
                    INSERT INTO order_items (order_id, product_id, product_name, sku, price, quantity, line_total)
                    SELECT no.id, np.id, 'Product', 'SKU', 10, 1, 10
                    FROM generate_series(1, 50000) g JOIN no ON no.n = g JOIN np ON np.n = g""");
            h.execute("""
                    INSERT INTO order_status_history (order_id, from_status, to_status)
                    SELECT id, NULL, 'pending' FROM orders""");
            h.execute("""
                    INSERT INTO reviews (user_id, product_id, service_id, rating, is_approved, approved_at, created_at)
                    SELECT nu.id, CASE WHEN g % 5 <> 0 THEN np.id END, CASE WHEN g % 5 = 0 THEN ns.id END, 1 + g % 5,
                           g % 2 = 0, CASE WHEN g % 2 = 0 THEN now() END, now() - (g || ' minutes')::interval
                    FROM generate_series(1, 50000) g
                    JOIN nu ON nu.n = CASE WHEN g % 5 = 0 THEN 1 + (g / 5) % 20000 ELSE 1 + g % 20000 END
                    JOIN np ON np.n = 1 + g % 50000 JOIN ns ON ns.n = 1 + g % 5000""");
            h.execute("""
                    INSERT INTO inventory_logs (product_id, change, reason, stock_after, created_at)
                    SELECT np.id, 1, 'restock', 1, now() - (g || ' minutes')::interval
                    FROM generate_series(1, 50000) g JOIN np ON np.n = 1 + g % 50000""");
            h.execute("""
                    INSERT INTO bookings (service_id, user_id, contact_name, contact_email, starts_at, ends_at, status)
                    SELECT ns.id, nu.id, 'Guest', 'guest@plan.test',
                           timestamptz '2030-01-01' + ((g / 5000) * 2 || ' hours')::interval,
                           timestamptz '2030-01-01' + ((g / 5000) * 2 + 1 || ' hours')::interval, 'confirmed'
                    FROM generate_series(0, 29999) g JOIN ns ON ns.n = 1 + g % 5000 JOIN nu ON nu.n = 1 + g % 20000""");
            h.execute("""
                    INSERT INTO contacts (name, email, subject, message, status, created_at)
                    SELECT 'V', 'v@plan.test', 'S', 'M', (ARRAY['new','in_progress','resolved','spam'])[1 + g % 4],
                           now() - (g || ' minutes')::interval
                    FROM generate_series(1, 20000) g""");
            h.execute("""
                    INSERT INTO cart_items (user_id, product_id, quantity)
                    SELECT nu.id, np.id, 1 FROM generate_series(1, 20000) g
                    JOIN nu ON nu.n = g JOIN np ON np.n = g""");
            h.execute("ANALYZE");
            for (String table : new String[] {"nu", "nc", "np", "ns", "no"}) {
                sample.put(table, h.createQuery("SELECT id FROM " + table + " WHERE n = 17").mapTo(UUID.class).one());
            }
        });
    }

    @Test
    void shouldFindActiveProductsOfACategoryThroughTheirIndex() {
        assertPlan(ProductSql.class, "activeByCategoryAfter", "products", "idx_products_category_active",
                Map.of("categoryId", sample.get("nc"), "afterName", "", "afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldListTheActiveCatalogueThroughItsIndex() {
        assertPlan(ProductSql.class, "activeNewestBefore", "products", "idx_products_active_only",
                Map.of("afterCreatedAt", FIRST_DESC, "afterId", MAX_UUID, "limit", 21));
        assertPlan(ProductSql.class, "activeOldestAfter", "products", "idx_products_active_only",
                Map.of("afterCreatedAt", FIRST_ASC, "afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldListLowStockProductsThroughTheirPartialIndex() {
        assertPlan(ProductSql.class, "lowStock", "products", "idx_products_low_stock", Map.of("limit", 50));
    }

    @Test
    void shouldFindAProductBySkuThroughItsUniqueIndex() {
        assertPlan(ProductSql.class, "bySku", "products", "uq_products_sku", Map.of("sku", "SKU-777"));
    }

    @Test
    void shouldListActiveServicesOfACategoryThroughTheirIndex() {
        assertPlan(ServiceSql.class, "activeByCategoryAfter", "services", "idx_services_category_active",
                Map.of("categoryId", sample.get("nc"), "afterName", "", "afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldListAUsersOrdersByStatusThroughTheirIndex() {
        assertPlan(OrderSql.class, "byUserAndStatusNewestBefore", "orders", "idx_orders_user_status",
                Map.of("userId", sample.get("nu"), "status", OrderStatus.PENDING, "afterCreatedAt", FIRST_DESC,
                        "afterId", MAX_UUID, "limit", 21));
        assertPlan(OrderSql.class, "byUserAndStatusOldestAfter", "orders", "idx_orders_user_status",
                Map.of("userId", sample.get("nu"), "status", OrderStatus.PENDING, "afterCreatedAt", FIRST_ASC,
                        "afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldListOrdersInOneStatusThroughTheirIndex() {
        assertPlan(OrderSql.class, "byStatusAfter", "orders", "idx_orders_status",
                Map.of("status", OrderStatus.SHIPPED, "afterCreatedAt", FIRST_ASC, "afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldFindAnOrderByIdempotencyKeyThroughTheUniqueIndex() {
        assertPlan(OrderSql.class, "byIdempotencyKey", "orders", "uq_orders_idempotency_key",
                Map.of("userId", sample.get("nu"), "idempotencyKey", "key-1554"));
    }

    @Test
    void shouldReadAnOrdersLinesAndHistoryThroughTheirIndexes() {
        assertPlan(OrderItemSql.class, "byOrder", "order_items", "idx_order_items_order_id", Map.of("orderId", sample.get("no")));
        assertPlan(OrderStatusHistorySql.class, "byOrder", "order_status_history", "idx_order_status_history_order_id",
                Map.of("orderId", sample.get("no")));
    }

    @Test
    void shouldListApprovedReviewsAndTheModerationQueueThroughTheirIndexes() {
        assertPlan(ReviewSql.class, "approvedForProductBefore", "reviews", "idx_reviews_product_approved",
                Map.of("productId", sample.get("np"), "afterCreatedAt", FIRST_DESC, "afterId", MAX_UUID, "limit", 21));
        assertPlan(ReviewSql.class, "approvedForServiceBefore", "reviews", "idx_reviews_service_approved",
                Map.of("serviceId", sample.get("ns"), "afterCreatedAt", FIRST_DESC, "afterId", MAX_UUID, "limit", 21));
        assertPlan(ReviewSql.class, "awaitingModerationAfter", "reviews", "idx_reviews_created_at",
                Map.of("afterCreatedAt", FIRST_ASC, "afterId", MIN_UUID, "limit", 21));
        assertPlan(ReviewSql.class, "productRating", "reviews", "idx_reviews_product_approved",
                Map.of("productId", sample.get("np")));
    }

    @Test
    void shouldCheckAVerifiedPurchaseThroughIndexes() {
        String plan = explain(sqlOf(ReviewSql.class, "insert"), Map.of("id", MIN_UUID, "r.userId", sample.get("nu"),
                "r.productId", sample.get("np"), "r.serviceId", sample.get("ns"), "r.rating", 5, "r.title", "t",
                "r.body", "b", "verifiedOnly", true));
        assertThat(plan).as(plan).doesNotContain("Seq Scan on orders", "Seq Scan on order_items", "Seq Scan on bookings")
                .contains("idx_orders_user_status");
    }

    @Test
    void shouldFindAPersonsBookingsToEraseThroughIndexes() {
        // The predicate of Accounts.erase on bookings: by user id or by the (normalised) email.
        String plan = explain("SELECT id FROM <schema>.bookings WHERE user_id = :id OR lower(contact_email) = :email",
                Map.of("id", sample.get("nu"), "email", "someone@plan.test"));
        assertThat(plan).as(plan).doesNotContain("Seq Scan on bookings")
                .contains("idx_bookings_user_id", "idx_bookings_contact_email");
    }

    @Test
    void shouldReadAProductsStockHistoryThroughItsIndex() {
        assertPlan(InventoryLogSql.class, "historyBefore", "inventory_logs", "idx_inventory_logs_product_date",
                Map.of("productId", sample.get("np"), "afterCreatedAt", FIRST_DESC, "afterId", MAX_UUID, "limit", 21));
    }

    @Test
    void shouldListAServicesBookingsInAWindowAndAUsersBookingsThroughTheirIndexes() {
        assertPlan(BookingSql.class, "forServiceAfter", "bookings", "idx_bookings_service_id",
                Map.of("serviceId", sample.get("ns"), "from", Instant.parse("2030-01-01T00:00:00Z"),
                        "to", Instant.parse("2030-01-02T00:00:00Z"), "afterStartsAt", FIRST_ASC, "afterId", MIN_UUID, "limit", 21));
        assertPlan(BookingSql.class, "forUserBefore", "bookings", "idx_bookings_user_id",
                Map.of("userId", sample.get("nu"), "afterStartsAt", FIRST_DESC, "afterId", MAX_UUID, "limit", 21));
    }

    @Test
    void shouldListContactMessagesByStatusThroughTheirIndex() {
        assertPlan(ContactSql.class, "byStatusAfter", "contacts", "idx_contacts_status",
                Map.of("status", ContactStatus.NEW, "afterCreatedAt", FIRST_ASC, "afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldFindUsersByEmailAndPageThemThroughTheirIndexes() {
        assertPlan(UserSql.class, "findByNormalizedEmail", "users", "uq_users_email_lower", Map.of("email", "user777@plan.test"));
        assertPlan(UserSql.class, "listAfter", "users", "pk_users", Map.of("afterId", MIN_UUID, "limit", 21));
    }

    @Test
    void shouldReadACartThroughItsUniqueIndex() {
        assertPlan(CartSql.class, "byUser", "cart_items", "uq_cart_items_user_product", Map.of("userId", sample.get("nu")));
    }

    /** A full Sort node (an Incremental Sort only orders the ties of an index's order, and passes). */
    private static final Pattern FULL_SORT = Pattern.compile("(?m)^\\s*(->\\s+)?Sort\\s+\\(");

    /**
     * The plan reads the table through the index. A page (a query with LIMIT) must also be able to come
     * from an index in its order: with sorts priced out ({@code enable_sort = off}) its plan has no Sort
     * node, which would read and sort every matching row for each page. (On this small data set the
     * planner may still prefer sorting a handful of rows; a large table is what the index order is for.)
     */
    private void assertPlan(Class<?> dao, String method, String table, String index, Map<String, Object> params) {
        String sql = sqlOf(dao, method);
        String plan = explain(sql, params, false);
        assertThat(plan).as("plan of %s.%s:%n%s", dao.getSimpleName(), method, plan)
                .doesNotContain("Seq Scan on " + table)
                .contains(index);
        if (sql.contains("LIMIT")) {
            String unsorted = explain(sql, params, true);
            assertThat(FULL_SORT.matcher(unsorted).find())
                    .as("the page %s.%s is sorted, not read in an index's order:%n%s", dao.getSimpleName(), method, unsorted)
                    .isFalse();
        }
    }

    private String explain(String sql, Map<String, Object> params) {
        return explain(sql, params, false);
    }

    private String explain(String sql, Map<String, Object> params, boolean sortsPricedOut) {
        String rendered = sql.replace("<schema>.", tz.schema() + ".");
        return tz.jdbi().inTransaction(h -> {
            if (sortsPricedOut) {
                h.execute("SET LOCAL enable_sort = off");
            }
            Query query = h.createQuery("EXPLAIN " + rendered);
            params.forEach(query::bind);
            return String.join("\n", query.mapTo(String.class).list());
        });
    }

    private static String sqlOf(Class<?> dao, String name) {
        Method method = Arrays.stream(dao.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(SqlQuery.class))
                .findFirst().orElseThrow(() -> new AssertionError(dao.getSimpleName() + "." + name + " has no @SqlQuery"));
        return method.getAnnotation(SqlQuery.class).value();
    }
}
