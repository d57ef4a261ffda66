package com.techzone.health;

import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Group C: server states made on purpose (a held lock, an idle transaction, a slow statement) are found. */
@TechzoneDatabaseTest
class OperationsChecksTest {

    @BeforeAll
    static void enableStatements(TestDatabase db) {
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    @Test
    void shouldFindABlockedLockWaitWithTheBlockingPid(TestDatabase db) throws Exception {
        try (Connection holder = db.dataSource().getConnection(); Connection waiter = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            int holderPid;
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE contacts IN ACCESS EXCLUSIVE MODE");
                var rs = s.executeQuery("SELECT pg_backend_pid()");
                rs.next();
                holderPid = rs.getInt(1);
            }
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try (Statement s = waiter.createStatement()) {
                    s.execute("SELECT count(*) FROM contacts");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            waitUntil(db, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
            CheckResult result = check(db, "ops.lock-waits", b -> b.groups(CheckGroup.OPERATIONS));
            holder.rollback();
            waiting.get(10, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("held by pid " + holderPid);
                assertThat(f.recommendation()).contains("pg_cancel_backend(" + holderPid + ")");
            });
        }
    }

    @Test
    void shouldFindASessionIdleInTransaction(TestDatabase db) throws Exception {
        try (Connection idle = db.dataSource().getConnection()) {
            idle.setAutoCommit(false);
            try (Statement s = idle.createStatement()) {
                s.execute("SELECT 1");
            }
            Thread.sleep(1200);
            CheckResult result = check(db, "ops.idle-in-transaction",
                    b -> b.groups(CheckGroup.OPERATIONS).threshold(Metric.IDLE_IN_TRANSACTION_SECONDS, 1, 600));
            idle.rollback();
            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.recommendation()).contains("pg_terminate_backend"));
        }
    }

    @Test
    void shouldFindALongRunningQuery(TestDatabase db) throws Exception {
        CompletableFuture<Void> sleeper = CompletableFuture.runAsync(() -> db.execute("SELECT pg_sleep(2.5)"));
        Thread.sleep(1300);
        CheckResult result = check(db, "ops.long-running", b -> b.groups(CheckGroup.OPERATIONS).threshold(Metric.LONG_RUNNING_SECONDS, 1, 600));
        sleeper.get(10, TimeUnit.SECONDS);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("pg_sleep");
        });
    }

    @Test
    void shouldJudgeMeanAndSlowQueryTimesFromPgStatStatements(TestDatabase db) {
        db.execute("SELECT pg_sleep(0.2)");
        CheckResult mean = check(db, "ops.mean-query-time", b -> b.groups(CheckGroup.OPERATIONS)
                .threshold(Metric.MEAN_QUERY_MILLIS, 0.001, 100_000));
        assertThat(mean.status()).isEqualTo(Status.WARNING);
        CheckResult slow = check(db, "ops.slow-statements", b -> b.groups(CheckGroup.OPERATIONS)
                .threshold(Metric.SLOW_STATEMENT_MILLIS, 100, 150));
        assertThat(slow.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("pg_sleep");
        });
    }

    @Test
    void shouldJudgeConnectionsDiskAndTableGrowthAgainstTheirThresholds(TestDatabase db) {
        assertThat(check(db, "ops.connections", b -> b.threshold(Metric.CONNECTION_USAGE_PERCENT, 0, 100)).status())
                .isEqualTo(Status.WARNING);
        assertThat(check(db, "ops.disk").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("not judged");
        });
        assertThat(check(db, "ops.disk", b -> b.diskCapacityBytes(1L << 20)).status()).isEqualTo(Status.CRITICAL);
        CheckResult growth = check(db, "ops.table-growth", b -> b.threshold(Metric.TABLE_SIZE_GIB, 0, 100));
        assertThat(growth.findings()).hasSize(3).allSatisfy(f -> assertThat(f.recommendation()).contains("PARTITION OF"));
    }

    @Test
    void shouldFindATableFullOfDeadTuples(TestDatabase db) {
        db.execute("INSERT INTO contacts (name, email, subject, message) SELECT 'V', 'v' || g || '@shop.example', 'Q', 'm' "
                + "FROM generate_series(1, 5000) g", "DELETE FROM contacts WHERE email <> 'v1@shop.example'");
        Statistics.awaitVisible(db, "SELECT n_dead_tup >= 4000 FROM pg_stat_user_tables WHERE relname = 'contacts'");
        CheckResult result = check(db, "ops.autovacuum");
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("contacts");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.recommendation()).startsWith("VACUUM (ANALYZE) contacts");
        });
        db.execute("TRUNCATE contacts");
    }

    @Test
    void shouldReportTheHikariPool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setMaximumPoolSize(3);
        config.setPoolName("shop");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            HealthReport report = TechzoneHealth.configure(pool).groups(CheckGroup.OPERATIONS).build().run();
            assertThat(report.check("ops.connection-pool").orElseThrow().findings()).singleElement().satisfies(f -> {
                assertThat(f.object()).isEqualTo("pool shop");
                assertThat(f.message()).contains("1 active").contains("of 3 connections").contains("0 thread(s) waiting");
            });
        }
    }

    private static void waitUntil(TestDatabase db, String countQuery) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                var rs = s.executeQuery(countQuery);
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never true: " + countQuery);
    }
}
