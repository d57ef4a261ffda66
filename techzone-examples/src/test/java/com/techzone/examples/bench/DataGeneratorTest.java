package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The generated shop at the small scale: its sizes, its skew and every invariant, checked with SQL. */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataGeneratorTest {

    private static final DataSizes SIZES = DataSizes.forScale(DataSizes.SMALL);

    private TestDatabase db;
    private GeneratedData data;

    @BeforeAll
    void generate(TestDatabase database) throws SQLException {
        db = database;
        data = new DataGenerator(SIZES, Progress.silent()).generate(db.dataSource());
    }

    @Test
    void shouldKeepEveryInvariant() throws SQLException {
        assertThat(DataInvariants.check(db.dataSource())).isEmpty();
    }

    @Test
    void shouldMakeAboutTheRowCountsOfTheScale() {
        Map<String, Long> rows = new LinkedHashMap<>();
        data.tables().stream().filter(t -> !t.table().equals(DataGenerator.INDEXES)).forEach(t -> rows.put(t.table(), t.rows()));

        assertThat(rows).containsOnlyKeys(DataGenerator.TABLES);
        assertThat(rows.get("users")).isEqualTo(1_000);
        assertThat(rows.get("categories")).isEqualTo(50);
        assertThat(rows.get("products")).isEqualTo(100);
        assertThat(rows.get("services")).isEqualTo(10);
        assertThat(rows.get("orders")).isEqualTo(10_000);
        assertThat(rows.get("order_items")).isBetween(27_000L, 33_000L);
        assertThat(rows.get("reviews")).isBetween(1_800L, 2_000L);
        assertThat(rows.get("bookings")).isEqualTo(1_000);
        assertThat(rows.get("inventory_logs")).isEqualTo(100L + 9_900 + 3); // initial + moves + stock counts of products 33, 66, 99
        assertThat(rows.get("order_status_history")).isBetween(30_000L, 40_000L);
        assertThat(rows.get("sales_reports")).isBetween(600L, 731L);
        assertThat(rows.get("contacts")).isEqualTo(50);
        assertThat(rows.get("cart_items")).isBetween(400L, 500L);
        assertThat(data.totalRows()).isEqualTo(rows.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void shouldSkewStatusesLikeAShop() throws SQLException {
        Map<String, Long> byStatus = counts("SELECT status::text, count(*) FROM orders GROUP BY 1");

        assertThat(byStatus).containsOnlyKeys("pending", "processing", "layaway", "shipped", "delivered",
                "cancelled", "refunded", "on_hold");
        assertThat(byStatus.get("delivered")).isBetween(7_800L, 8_600L);
        assertThat(byStatus.get("pending") + byStatus.get("processing")).isBetween(400L, 600L);
    }

    @Test
    void shouldMakeAFewProductsAndUsersHot() throws SQLException {
        long hottestProductLines = single("SELECT max(n) FROM (SELECT count(*) AS n FROM order_items GROUP BY product_id) x");
        long heaviestUserOrders = single("SELECT max(n) FROM (SELECT count(*) AS n FROM orders GROUP BY user_id) x");

        // Uniform picks would give about 300 lines per product and 10 orders per user.
        assertThat(hottestProductLines).isGreaterThan(3_000);
        assertThat(heaviestUserOrders).isGreaterThan(500);
    }

    @Test
    void shouldLeaveSomeProductsLowOnStockAndSomeReviewsToModerate() throws SQLException {
        assertThat(single("SELECT count(*) FROM products WHERE stock <= low_stock_threshold")).isBetween(1L, 10L);
        assertThat(single("SELECT count(*) FROM reviews WHERE NOT is_approved")).isBetween(150L, 450L);
        assertThat(single("SELECT count(*) FROM bookings WHERE status IN ('pending', 'confirmed')")).isPositive();
    }

    @Test
    void shouldDetectABrokenLedger() throws SQLException {
        try (TestDatabase other = com.techzone.testing.TestPostgres.get().createMigratedDatabase()) {
            new DataGenerator(DataSizes.forScale(0.0001), Progress.silent()).generate(other.dataSource());
            other.execute("UPDATE products SET stock = stock + 1 WHERE sku = 'SKU-0000001'");

            assertThat(DataInvariants.check(other.dataSource()))
                    .extracting(DataInvariants.Violation::check)
                    .containsExactly("product stock equals the sum of its ledger");
        }
    }

    @Test
    void shouldRebuildEveryIndexItDropped() throws SQLException {
        assertThat(single("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'idx\\_%'"))
                .isEqualTo(28);
        assertThat(data.tables()).extracting(TableLoad::table).last().isEqualTo(DataGenerator.INDEXES);
    }

    @Test
    void shouldDetectAnOrphanedRow() throws SQLException {
        try (TestDatabase other = com.techzone.testing.TestPostgres.get().createMigratedDatabase()) {
            new DataGenerator(DataSizes.forScale(0.0001), Progress.silent()).generate(other.dataSource());
            other.execute("SET session_replication_role = replica",
                    "UPDATE order_items SET product_id = gen_random_uuid() WHERE id = (SELECT id FROM order_items ORDER BY id LIMIT 1)");

            assertThat(DataInvariants.check(other.dataSource()))
                    .extracting(DataInvariants.Violation::check)
                    .containsExactly("every foreign key points at an existing row");
        }
    }

    @Test
    void shouldRefuseADatabaseThatHoldsData() {
        assertThatThrownBy(() -> new DataGenerator(SIZES, Progress.silent()).generate(db.dataSource()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds rows");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
