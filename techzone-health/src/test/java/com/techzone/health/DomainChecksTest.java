package com.techzone.health;

import static com.techzone.health.Fixtures.ORDER;
import static com.techzone.health.Fixtures.PRODUCT;
import static com.techzone.health.Fixtures.SERVICE;
import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group D: consistent data passes; each invariant broken on purpose is found with its severity. */
class DomainChecksTest {

    private static final List<String> TECHZONE_TABLES = List.of("users", "categories", "products", "services", "cart_items",
            "orders", "order_items", "order_status_history", "reviews", "bookings", "contacts", "inventory_logs", "sales_reports");

    private TestDatabase db;

    @BeforeEach
    void catalogWithStock() {
        db = TestPostgres.get().createMigratedDatabase();
        Fixtures.catalogWithStock(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldStayQuietOnConsistentData() {
        Fixtures.consistentOrder(db, "now()");
        HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.DOMAIN).build().run();
        assertThat(report.findings()).isEmpty();
        assertThat(report.status()).isEqualTo(Status.HEALTHY);
    }

    @Test
    void shouldFindStockThatDisagreesWithTheLedger() {
        db.execute("UPDATE products SET stock = 7 WHERE id = '" + PRODUCT + "'");
        CheckResult result = check(db, "domain.inventory-ledger");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("products.LAP-1");
            assertThat(f.measured()).isEqualTo("stock 7");
            assertThat(f.threshold()).isEqualTo("ledger 5");
        });
    }

    @Test
    void shouldFindAnOrderWhoseSubtotalIsNotItsLines() {
        Fixtures.consistentOrder(db, "now()");
        db.execute("UPDATE order_items SET quantity = 1, line_total = 999.00 WHERE order_id = '" + ORDER + "'");
        CheckResult result = check(db, "domain.order-totals");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("subtotal 1998.00 but its lines sum to 999.00");
            assertThat(f.measured()).isEqualTo("1998.00");
            assertThat(f.threshold()).isEqualTo("999.00");
        });
    }

    @Test
    void shouldFindAnOrderWhoseTotalIsNotSubtotalPlusTaxAndShippingMinusDiscount() {
        Fixtures.consistentOrder(db, "now()");
        db.execute("ALTER TABLE orders DROP CONSTRAINT chk_orders_total_consistent",
                "UPDATE orders SET total = 1500.00 WHERE id = '" + ORDER + "'");
        assertThat(check(db, "domain.order-totals").findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("total 1500.00 but subtotal + tax + shipping - discount is 2000.00");
            assertThat(f.measured()).isEqualTo("1500.00");
            assertThat(f.threshold()).isEqualTo("2000.00");
        });
    }

    @Test
    void shouldFindAStatusWithoutItsHistoryEntry() {
        Fixtures.consistentOrder(db, "now()");
        db.execute("UPDATE orders SET status = 'shipped' WHERE id = '" + ORDER + "'");
        CheckResult result = check(db, "domain.order-status-history");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("is shipped but its last history entry says pending");
            assertThat(f.measured()).isEqualTo("shipped");
            assertThat(f.threshold()).isEqualTo("pending");
            assertThat(f.recommendation()).contains("VALUES ('" + ORDER + "', 'pending', 'shipped', ");
        });
    }

    @Test
    void shouldFindAnOrderWithoutAnyStatusHistory() {
        Fixtures.consistentOrder(db, "now()");
        db.execute("DELETE FROM order_status_history WHERE order_id = '" + ORDER + "'");
        CheckResult result = check(db, "domain.order-status-history");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("Order 1 (pending) has no status history");
            assertThat(f.measured()).isEqualTo("pending");
            assertThat(f.threshold()).isEqualTo("a history entry");
            assertThat(f.recommendation()).contains("VALUES ('" + ORDER + "', NULL, 'pending', ");
        });
    }

    @Test
    void shouldListFiftyOffendersAndCountTheRestOnlyPastFifty() {
        // 51 products whose stock no ledger entry records: the check lists 50 and says how many there are.
        db.execute("INSERT INTO products (category_id, sku, name, price, stock) SELECT '" + Fixtures.CATEGORY
                + "', 'BULK-' || g, 'Bulk ' || g, 1.00, 1 FROM generate_series(1, 51) g");
        CheckResult many = check(db, "domain.inventory-ledger");
        assertThat(many.findings()).hasSize(50)
                .allSatisfy(f -> assertThat(f.message()).endsWith(" (51 in all; the first 50 are listed)"));
        db.execute("DELETE FROM products WHERE sku = 'BULK-51'");
        CheckResult fifty = check(db, "domain.inventory-ledger");
        assertThat(fifty.findings()).hasSize(50)
                .allSatisfy(f -> assertThat(f.message()).isEqualTo("Product " + f.object().substring("products.".length())
                        + " has stock 1 but its inventory ledger sums to 0"));
    }

    @Test
    void shouldTakeTheLaterOfTwoMovesOfOneTransactionAsTheLastEntry() {
        // Case 08: processing then shipped in one transaction (equal created_at); their UUIDv7 ids,
        // minted in one millisecond, sort the other way round.
        Fixtures.consistentOrder(db, "now()");
        db.execute("UPDATE orders SET status = 'shipped' WHERE id = '" + ORDER + "'",
                "INSERT INTO order_status_history (id, order_id, from_status, to_status, created_at) VALUES "
                        + "('0190f000-0001-7abc-8000-00000000000a', '" + ORDER + "', 'pending', 'processing', '2026-03-01 10:00Z')",
                "INSERT INTO order_status_history (id, order_id, from_status, to_status, created_at) VALUES "
                        + "('0190f000-0001-7123-8000-00000000000b', '" + ORDER + "', 'processing', 'shipped', '2026-03-01 10:00Z')");
        CheckResult result = check(db, "domain.order-status-history");
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(Status.HEALTHY);
    }

    @Test
    void shouldFindTwoOrdersOfOneBucketWhoseErrorsCancelOut() {
        // Both ids start with 000: the same bucket of the one-pass checksum; their errors sum to zero.
        String other = "00000000-0000-0000-0000-000000000006";
        Fixtures.consistentOrder(db, "now()");
        db.execute("ALTER TABLE orders DROP CONSTRAINT chk_orders_total_consistent",
                "INSERT INTO orders (id, user_id, subtotal, tax, total) VALUES ('" + other + "', '" + Fixtures.USER
                        + "', 999.00, 0, 999.00)",
                "INSERT INTO order_items (order_id, product_id, product_name, sku, price, quantity, line_total) VALUES ('"
                        + other + "', '" + PRODUCT + "', 'Laptop', 'LAP-1', 999.00, 1, 999.00)",
                "INSERT INTO order_status_history (order_id, from_status, to_status) VALUES ('" + other + "', NULL, 'pending')",
                "INSERT INTO order_status_history (order_id, from_status, to_status) VALUES ('" + other + "', 'pending', 'processing')",
                "UPDATE orders SET subtotal = subtotal + 1, total = total + 1 WHERE id = '" + ORDER + "'",
                "UPDATE orders SET subtotal = subtotal - 1, total = total - 1 WHERE id = '" + other + "'",
                // and the statuses: one is ahead of its history, the other behind it
                "UPDATE orders SET status = 'processing' WHERE id = '" + ORDER + "'");
        assertThat(check(db, "domain.order-totals").findings()).hasSize(2);
        assertThat(check(db, "domain.order-status-history").findings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "Order 1 is processing but its last history entry says pending",
                "Order 2 is pending but its last history entry says processing");
    }

    @Test
    void shouldFindOverlappingActiveBookingsOnceTheExclusionConstraintIsGone() {
        db.execute("ALTER TABLE bookings DROP CONSTRAINT ex_bookings_no_overlap",
                "INSERT INTO bookings (service_id, contact_name, contact_email, starts_at, ends_at, status) VALUES ('" + SERVICE
                        + "', 'Ann', 'ann@shop.example', '2026-03-01 10:00Z', '2026-03-01 11:00Z', 'confirmed')",
                "INSERT INTO bookings (service_id, contact_name, contact_email, starts_at, ends_at, status) VALUES ('" + SERVICE
                        + "', 'Bob', 'bob@shop.example', '2026-03-01 10:30Z', '2026-03-01 11:30Z', 'pending')",
                "INSERT INTO bookings (service_id, contact_name, contact_email, starts_at, ends_at, status) VALUES ('" + SERVICE
                        + "', 'Cy', 'cy@shop.example', '2026-03-01 10:30Z', '2026-03-01 11:30Z', 'cancelled')");
        CheckResult result = check(db, "domain.booking-overlap");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void shouldFindAClosedDayWithOrdersButNoSalesReport() {
        Fixtures.consistentOrder(db, "now() - interval '1 day'");
        CheckResult result = check(db, "domain.sales-reports");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("No daily sales report for"));
        db.execute("INSERT INTO sales_reports (granularity, period_start, period_end, orders_count) "
                + "SELECT 'day', (created_at AT TIME ZONE 'UTC')::date, (created_at AT TIME ZONE 'UTC')::date + 1, 1 FROM orders");
        assertThat(check(db, "domain.sales-reports").findings()).isEmpty();
    }

    @Test
    void shouldNotReadTheTechzoneTablesUnlessTheDomainGroupIsSelected() {
        db.execute("UPDATE products SET stock = 7 WHERE id = '" + PRODUCT + "'", "CREATE TABLE public.read_marker (n int)");
        Map<String, String> before = tableCounters(1);

        HealthReport report = TechzoneHealth.configure(db.dataSource()).build().run();

        Map<String, String> afterDefault = tableCounters(2);
        assertThat(report.checks()).noneMatch(c -> c.group() == CheckGroup.DOMAIN);
        assertThat(before).hasSize(13);
        assertThat(afterDefault).as("scans, tuples read or fetched, rows written, per TechZone table (partitions summed)")
                .isEqualTo(before);

        HealthReport selected = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.DOMAIN).build().run();

        Map<String, String> afterDomain = tableCounters(3);
        assertThat(selected.checks()).extracting(CheckResult::id).containsExactlyInAnyOrder("domain.inventory-ledger",
                "domain.order-totals", "domain.order-status-history", "domain.sales-reports", "domain.booking-overlap");
        assertThat(selected.check("domain.inventory-ledger").orElseThrow().status()).isEqualTo(Status.CRITICAL);
        // the same counters do move when group D reads: the ledger check scanned both of its tables
        for (String table : List.of("products", "inventory_logs")) {
            assertThat(scans(afterDomain.get(table))).as(table + " scans").isGreaterThan(scans(afterDefault.get(table)));
        }
    }

    /**
     * The read and write counters of the 13 TechZone tables (seq_scan, seq_tup_read, idx_scan,
     * idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del; a partitioned table's leaves summed), once every
     * earlier session's counts are in the statistics: no other client session of the database is left
     * (a backend sends its counts before it leaves pg_stat_activity), and the {@code markerReads}-th read
     * of the test's own marker table, made after that, is visible (PostgreSQL 14's collector included).
     */
    private Map<String, String> tableCounters(int markerReads) {
        Statistics.awaitVisible(db, "SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE datname = current_database() "
                + "AND backend_type = 'client backend' AND pid <> pg_backend_pid())");
        db.execute("SELECT count(*) FROM public.read_marker", Statistics.FLUSH);
        Statistics.awaitVisible(db, "SELECT seq_scan >= " + markerReads + " FROM pg_stat_user_tables WHERE relname = 'read_marker'");
        Map<String, String> counters = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("""
                    SELECT t.name, concat_ws(' ', sum(st.seq_scan), sum(st.seq_tup_read), sum(coalesce(st.idx_scan, 0)),
                           sum(coalesce(st.idx_tup_fetch, 0)), sum(st.n_tup_ins), sum(st.n_tup_upd), sum(st.n_tup_del)) AS counters
                    FROM unnest(string_to_array('%s', ',')) AS t(name)
                    JOIN pg_stat_user_tables st ON st.relid = ('public.' || t.name)::regclass
                      OR st.relid IN (SELECT p.relid FROM pg_partition_tree(('public.' || t.name)::regclass) p WHERE p.isleaf)
                    GROUP BY t.name""".formatted(String.join(",", TECHZONE_TABLES)))) {
                while (rs.next()) {
                    counters.put(rs.getString("name"), rs.getString("counters"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counters;
    }

    /** seq_scan + idx_scan of one table's counters. */
    private static long scans(String counters) {
        String[] values = counters.split(" ");
        return Long.parseLong(values[0]) + Long.parseLong(values[2]);
    }
}
