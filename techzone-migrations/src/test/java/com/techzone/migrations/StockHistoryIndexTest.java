package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V9 rebuilds {@code idx_inventory_logs_product_date} in the order of a stock-history page, on a plain
 * ledger with rows, on a ledger partitioned before V9 existed, and again after its build was killed.
 */
class StockHistoryIndexTest {

    private static final String KEY = "(product_id, created_at, COALESCE(seq, (0)::bigint), id)";

    @Test
    void shouldRebuildTheIndexInPageOrderOnALedgerWithRows() throws SQLException {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("8.1").load().migrate();
            db.execute(LedgerPartitioningTest.SHOP_WITH_HISTORY.formatted("public"));

            MigrationResult result = TechzoneMigrations.migrate(db.dataSource());

            assertThat(result.applied()).extracting(MigrationResult.AppliedMigration::version).containsExactly("9", "10");
            assertThat(productIndexes(db, "inventory_logs")).containsExactly("idx_inventory_logs_product_date valid " + KEY);
            assertThat(count(db, "SELECT count(*) FROM inventory_logs")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "shop"})
    void shouldBuildItOnEveryPartitionOfALedgerPartitionedBeforeV9(String schema) throws SQLException {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase(schema)) {
            db.execute(LedgerPartitioningTest.SHOP_WITH_HISTORY.formatted(schema));
            LedgerPartitioning.configure(db.dataSource()).schema(schema).load().convert();
            List<String> partitions = partitions(db, schema);
            assertThat(partitions).hasSizeGreaterThan(2).contains("inventory_logs_p_legacy");
            assertThat(productIndexes(db, schema, "inventory_logs")).containsExactly("idx_inventory_logs_product_date valid " + KEY);
            // The layout a V8.1 conversion made: the partitioned index on (product_id, created_at), no V9 yet
            // (nor V10, which comes after it).
            db.execute("""
                    DROP INDEX %1$s.idx_inventory_logs_product_date;
                    CREATE INDEX idx_inventory_logs_product_date ON %1$s.inventory_logs (product_id, created_at);
                    DELETE FROM %1$s.techzone_schema_history WHERE version IN ('9', '10');
                    """.formatted(schema));

            MigrationResult result = TechzoneMigrations.configure(db.dataSource()).schema(schema).load().migrate();

            assertThat(result.applied()).extracting(MigrationResult.AppliedMigration::version).containsExactly("9", "10");
            assertThat(productIndexes(db, schema, "inventory_logs")).containsExactly("idx_inventory_logs_product_date valid " + KEY);
            for (String partition : partitions) {
                assertThat(productIndexes(db, schema, partition)).as(partition)
                        .containsExactly(partition + "_product_history valid " + KEY);
            }
            assertThat(count(db, "SELECT count(*) FROM " + schema + ".inventory_logs")).isEqualTo(2);
        }
    }

    @Test
    void shouldBuildItAgainAfterItsConcurrentBuildWasKilled() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("8.1").load().migrate();
            db.execute(LedgerPartitioningTest.SHOP_WITH_HISTORY.formatted("public"));
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (Connection writer = db.dataSource().getConnection()) {
                InvalidIndexRepairTest.holdWriteLock(writer, "inventory_logs");
                Future<MigrationResult> migrating = executor.submit(() -> TechzoneMigrations.migrate(db.dataSource()));
                int pid = InvalidIndexRepairTest.waitingBuild(db, migrating);
                db.execute("SELECT pg_terminate_backend(" + pid + ")");

                assertThatThrownBy(migrating::get).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(MigrationException.class);
                assertThat(productIndexes(db, "inventory_logs")).containsExactly(
                        "idx_inventory_logs_product_date valid (product_id, created_at)",
                        "idx_inventory_logs_product_history INVALID " + KEY);
                writer.rollback();
            } finally {
                executor.shutdownNow();
            }

            MigrationResult rerun = TechzoneMigrations.migrate(db.dataSource());

            assertThat(rerun.applied()).extracting(MigrationResult.AppliedMigration::version).containsExactly("9", "10");
            assertThat(productIndexes(db, "inventory_logs")).containsExactly("idx_inventory_logs_product_date valid " + KEY);
        }
    }

    /** The table's indexes that lead with product_id: "name valid|INVALID (key)". */
    private static List<String> productIndexes(TestDatabase db, String table) throws SQLException {
        return productIndexes(db, "public", table);
    }

    private static List<String> productIndexes(TestDatabase db, String schema, String table) throws SQLException {
        return strings(db, """
                SELECT c.relname || CASE WHEN i.indisvalid THEN ' valid ' ELSE ' INVALID ' END
                       || substring(pg_get_indexdef(c.oid) FROM '\\(.*\\)$')
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = '%s.%s'::regclass AND pg_get_indexdef(c.oid) LIKE '%%(product_id%%'
                ORDER BY c.relname""".formatted(schema, table));
    }

    private static List<String> partitions(TestDatabase db, String schema) throws SQLException {
        return strings(db, "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = '" + schema + ".inventory_logs'::regclass ORDER BY 1");
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        return Long.parseLong(strings(db, sql).get(0));
    }

    private static List<String> strings(TestDatabase db, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
