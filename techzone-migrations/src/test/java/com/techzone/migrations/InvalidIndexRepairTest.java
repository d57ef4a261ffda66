package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * An interrupted {@code CREATE INDEX CONCURRENTLY} (V6) leaves an INVALID index; the next migrate
 * drops it and builds it again. The build is held in its wait for older writers by a session that
 * keeps a write lock on orders, then its backend is killed (or its lock_timeout expires).
 */
class InvalidIndexRepairTest {

    private static final String BUILDING = "idx_orders_created_at_brin";

    @Test
    void shouldRebuildAnIndexWhoseConcurrentBuildWasKilled() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("5").load().migrate();

            assertThat(killWaitingBuild(db)).contains(BUILDING + " INVALID brin", "idx_orders_created_at valid btree");

            MigrationResult rerun = TechzoneMigrations.configure(db.dataSource()).target("6").load().migrate();

            assertThat(rerun.toVersion()).isEqualTo("6");
            assertThat(rerun.applied()).extracting(MigrationResult.AppliedMigration::version).containsExactly("6");
            assertThat(indexes(db)).containsExactly("idx_orders_created_at valid brin");
        }
    }

    @Test
    void shouldRebuildAnIndexWhoseConcurrentBuildTimedOutOnALock() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("5").load().migrate();
            try (Connection writer = db.dataSource().getConnection()) {
                holdWriteLock(writer);

                assertThatThrownBy(() -> TechzoneMigrations.migrate(db.dataSource()))
                        .isInstanceOf(MigrationException.class).hasMessageContaining("lock timeout");
                assertThat(indexes(db)).contains(BUILDING + " INVALID brin", "idx_orders_created_at valid btree");
                writer.rollback();
            }

            MigrationResult rerun = TechzoneMigrations.configure(db.dataSource()).target("6").load().migrate();

            assertThat(rerun.toVersion()).isEqualTo("6");
            assertThat(rerun.applied()).extracting(MigrationResult.AppliedMigration::version).containsExactly("6");
            assertThat(indexes(db)).containsExactly("idx_orders_created_at valid brin");
        }
    }

    @Test
    void shouldRebuildV10sIndexesAfterItsFirstBuildWasKilled() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("9").load().migrate();

            assertThat(killWaitingBuild(db)).containsExactly("idx_orders_created_at valid brin",
                    "idx_orders_pending_created_at INVALID btree");

            MigrationResult rerun = TechzoneMigrations.migrate(db.dataSource());

            assertThat(rerun.applied()).extracting(MigrationResult.AppliedMigration::version).containsExactly("10");
            assertThat(indexes(db)).containsExactly("idx_orders_created_at valid btree",
                    "idx_orders_pending_created_at valid btree");
        }
    }

    @Test
    void shouldFindTheIndexesAScriptBuildsConcurrently() {
        InvalidIndexRepair repair = new InvalidIndexRepair("public", getClass().getClassLoader(),
                List.of("db/migration/techzone", "com/techzone/migrations/db"));

        assertThat(repair.concurrentIndexes("V6__replace_orders_created_at_index_with_brin.sql")).containsExactly(BUILDING);
        assertThat(repair.concurrentIndexes("V10__index_orders_for_revenue_and_pending.sql"))
                .containsExactly("idx_orders_pending_created_at", "idx_orders_created_at_covering");
        assertThat(repair.concurrentIndexes("V3__create_carts_and_orders.sql")).isEmpty();
        assertThat(repair.concurrentIndexes("V99__missing.sql")).isEmpty();
    }

    /**
     * Migrates to the latest version while a transaction of the test writes to orders, kills the concurrent build
     * that waits for it, checks that the migrate failed, and returns the orders indexes as the kill left them.
     */
    private static List<String> killWaitingBuild(TestDatabase db) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection writer = db.dataSource().getConnection()) {
            holdWriteLock(writer);
            Future<MigrationResult> migrating = executor.submit(() -> TechzoneMigrations.migrate(db.dataSource()));
            int pid = waitingBuild(db, migrating);
            db.execute("SELECT pg_terminate_backend(" + pid + ")");

            assertThatThrownBy(migrating::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(MigrationException.class);
            List<String> left = indexes(db);
            writer.rollback();
            return left;
        } finally {
            executor.shutdownNow();
        }
    }

    /** An open transaction that writes to orders: a concurrent build waits for it to end. */
    private static void holdWriteLock(Connection writer) throws SQLException {
        holdWriteLock(writer, "orders");
    }

    /** An open transaction that writes to the table: a concurrent build on it waits for it to end. */
    static void holdWriteLock(Connection writer, String table) throws SQLException {
        writer.setAutoCommit(false);
        try (Statement s = writer.createStatement()) {
            s.execute("LOCK TABLE " + table + " IN ROW EXCLUSIVE MODE");
        }
    }

    /** The backend of the concurrent build, once it waits on a lock with its INVALID index committed. */
    static int waitingBuild(TestDatabase db, Future<?> migrating) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && !migrating.isDone()) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT pid FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                           AND query ILIKE 'CREATE INDEX CONCURRENTLY%'""")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("The concurrent build never waited on the lock; migrate done: " + migrating.isDone());
    }

    /** The indexes of orders by creation time: "name valid|INVALID method". */
    private static List<String> indexes(TestDatabase db) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT c.relname || CASE WHEN i.indisvalid THEN ' valid ' ELSE ' INVALID ' END || am.amname
                     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
                     WHERE c.relname LIKE 'idx\\_orders\\_%created\\_at%' ORDER BY c.relname""")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
