package com.techzone.health;

import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

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
            // polls the server's own view of the session (no sleep standing in for it)
            Statistics.awaitVisible(db, "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE state = 'idle in transaction' "
                    + "AND state_change < clock_timestamp() - interval '1.1 s')");
            CheckResult result = check(db, "ops.idle-in-transaction",
                    b -> b.groups(CheckGroup.OPERATIONS).threshold(Metric.IDLE_IN_TRANSACTION_SECONDS, 1, 600));
            idle.rollback();
            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.recommendation()).contains("pg_terminate_backend"));
        }
    }

    @Test
    void shouldFindALongRunningQuery(TestDatabase db) throws Exception {
        // The statement waits for an advisory lock the test holds: it runs until the test lets it go,
        // however long the health run takes.
        try (Connection holder = db.dataSource().getConnection(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(1414)");
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> db.execute("SELECT pg_advisory_xact_lock(1414)"));
            CheckResult result;
            try {
                Statistics.awaitVisible(db, "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE query = 'SELECT pg_advisory_xact_lock(1414)' "
                        + "AND state = 'active' AND xact_start < clock_timestamp() - interval '1.1 s')");
                result = check(db, "ops.long-running", b -> b.groups(CheckGroup.OPERATIONS).threshold(Metric.LONG_RUNNING_SECONDS, 1, 600));
            } finally {
                s.execute("SELECT pg_advisory_unlock(1414)");
            }
            waiter.get(10, TimeUnit.SECONDS);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("pg_advisory_xact_lock(1414)");
            });
        }
    }

    @Test
    void shouldJudgeMeanAndSlowQueryTimesFromPgStatStatements(TestDatabase db) {
        // After the reset: the reset itself, one 200 ms query and three fast ones: a mean of at least 40 ms.
        db.execute("SELECT pg_stat_statements_reset()", "SELECT pg_sleep(0.2)", "SELECT count(*) FROM orders",
                "SELECT count(*) FROM products", "SELECT count(*) FROM users");
        CheckResult mean = check(db, "ops.mean-query-time", b -> b.groups(CheckGroup.OPERATIONS)
                .threshold(Metric.MEAN_QUERY_MILLIS, 30, 100_000));
        assertThat(mean.status()).isEqualTo(Status.WARNING);
        assertThat(mean.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).endsWith("over 5 calls");
            assertThat(f.recommendation()).startsWith("See ops.slow-statements");
        });
        CheckResult slow = check(db, "ops.slow-statements", b -> b.groups(CheckGroup.OPERATIONS)
                .threshold(Metric.SLOW_STATEMENT_MILLIS, 100, 150));
        assertThat(slow.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("pg_sleep");
            assertThat(f.recommendation()).startsWith("EXPLAIN (ANALYZE, BUFFERS) it");
            // the message's mean is the measured one, in milliseconds, rounded to 0.1 ms
            double inMessage = Double.parseDouble(f.message().substring(0, f.message().indexOf(" ms mean over")));
            assertThat(inMessage).isCloseTo(Double.parseDouble(f.measured().replace(" ms", "")), org.assertj.core.data.Offset.offset(0.1))
                    .isGreaterThanOrEqualTo(200);
        });
    }

    @Test
    void shouldAverageTheSameStatementsAsTheSlowListLeavingMaintenanceOut(TestDatabase db) {
        List<String> statements = new ArrayList<>(List.of("SELECT pg_stat_statements_reset()",
                "CREATE TABLE scratch_maintenance AS SELECT g FROM generate_series(1, 1000) g, pg_sleep(0.3)",
                "CREATE INDEX scratch_maintenance_g ON scratch_maintenance (g)", "VACUUM ANALYZE scratch_maintenance",
                "DROP TABLE scratch_maintenance"));
        for (int i = 1; i <= 30; i++) {
            statements.add("SELECT count(*) FROM products WHERE sku = 'SKU-" + i + "'");
        }
        db.execute(statements.toArray(String[]::new));

        HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS)
                .threshold(Metric.MEAN_QUERY_MILLIS, 5, 100_000).build().run();

        CheckResult mean = report.check("ops.mean-query-time").orElseThrow();
        assertThat(mean.status()).as("300 ms of maintenance is not a slow query").isEqualTo(Status.HEALTHY);
        assertThat(mean.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).endsWith("over 31 calls");
            assertThat(f.recommendation()).isNull();
        });
        assertThat(report.check("ops.slow-statements").orElseThrow().findings()).extracting(Finding::message)
                .as("the same set: the lookups and the reset").hasSize(2)
                .allSatisfy(m -> assertThat(m).doesNotContainIgnoringCase("scratch_maintenance"));
    }

    @Test
    @SuppressWarnings("try") // the two connections are held open only to be counted
    void shouldJudgeConnectionsDiskAndTableGrowthAgainstTheirThresholds(TestDatabase db) throws Exception {
        try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
            CheckResult connections = check(db, "ops.connections", b -> b.threshold(Metric.CONNECTION_USAGE_PERCENT, 0, 100));
            assertThat(connections.status()).isEqualTo(Status.WARNING);
            assertThat(connections.findings()).singleElement().satisfies(f -> {
                assertThat(f.recommendation()).startsWith("Pool connections");
                // "<used> of <usable> usable connections in use": the measured percent is 100 * used / usable
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) of (\\d+) usable").matcher(f.message());
                assertThat(m.find()).isTrue();
                int used = Integer.parseInt(m.group(1));
                assertThat(used).as("at least the two held here").isGreaterThanOrEqualTo(2);
                assertThat(m.group(2)).as("max_connections - superuser_reserved_connections - reserved_connections")
                        .isEqualTo(scalar(db, "SELECT (current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int "
                                + "- coalesce(current_setting('reserved_connections', true)::int, 0))::text"));
                assertThat(Double.parseDouble(f.measured().replace("%", "")))
                        .isCloseTo(100.0 * used / Integer.parseInt(m.group(2)), org.assertj.core.data.Offset.offset(0.05));
            });
            assertThat(check(db, "ops.connections").findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.recommendation()).isNull();
            });
        }
        assertThat(check(db, "ops.disk", b -> b.diskCapacityBytes(1L << 50)).findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("a few MB of a PiB").isEqualTo(Severity.INFO);
            assertThat(f.measured()).isEqualTo("0.0%");
            assertThat(f.recommendation()).isNull();
        });
        assertThat(check(db, "ops.disk", b -> b.diskCapacityBytes(1L << 20)).findings()).singleElement()
                .satisfies(f -> assertThat(f.recommendation()).startsWith("Grow the volume"));
        assertThat(check(db, "ops.disk").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("not judged");
        });
        assertThat(check(db, "ops.disk", b -> b.diskCapacityBytes(1L << 20)).status()).isEqualTo(Status.CRITICAL);
        CheckResult growth = check(db, "ops.table-growth", b -> b.threshold(Metric.TABLE_SIZE_GIB, 0, 100));
        assertThat(growth.findings()).hasSize(3).allSatisfy(f -> assertThat(f.recommendation()).contains("PARTITION OF"));
    }

    /**
     * A table never vacuumed or analyzed has no row estimate (reltuples -1): the growth check says so instead of
     * "about 0 rows" (found by the fresh-user trial: the demo's report said so of reviews right after a review).
     */
    @Test
    void shouldSayATableHasNoRowEstimateYetRatherThanZeroRows() {
        try (TestDatabase fresh = TestPostgres.get().createMigratedDatabase("public", false)) {
            Fixtures.catalogWithStock(fresh);
            Fixtures.consistentOrder(fresh, "now()");

            assertThat(check(fresh, "ops.table-growth").findings()).filteredOn(f -> f.object().equals("orders")).singleElement()
                    .satisfies(f -> assertThat(f.message())
                            .startsWith("Table orders takes ").endsWith("; no row estimate yet (not vacuumed or analyzed since it was created)"));

            fresh.execute("ANALYZE orders");
            assertThat(check(fresh, "ops.table-growth").findings()).filteredOn(f -> f.object().equals("orders")).singleElement()
                    .satisfies(f -> assertThat(f.message()).startsWith("Table orders holds about 1 rows in "));
        }
    }

    @Test
    void shouldCountTheWalInTheDiskUsage(TestDatabase db) {
        // Right after a checkpoint the WAL keeps its files for minutes: the two sizes stand while the check runs.
        db.execute("CHECKPOINT");
        long databases = Long.parseLong(scalar(db, "SELECT sum(pg_database_size(oid))::text FROM pg_database"));
        long wal = Long.parseLong(scalar(db, "SELECT sum(size)::text FROM pg_ls_waldir()"));
        assertThat(wal).as("at least one WAL segment").isGreaterThanOrEqualTo(1L << 20);
        // A volume exactly as large as the cluster with its WAL: 100% with the WAL, below the warning limit without it.
        long capacity = databases + wal;
        double withoutWal = 100.0 * databases / capacity;
        double third = (100 - withoutWal) / 3;
        CheckResult result = check(db, "ops.disk", b -> b.groups(CheckGroup.OPERATIONS).diskCapacityBytes(capacity)
                .threshold(Metric.DISK_USAGE_PERCENT, withoutWal + third, withoutWal + 2 * third));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as(f.message()).isEqualTo(Severity.CRITICAL);
            assertThat(Double.parseDouble(f.measured().replace("%", ""))).isCloseTo(100, org.assertj.core.data.Offset.offset(third));
        });
    }

    @Test
    void shouldJudgeOnlyValuesPastALimitAsItsSeverity() {
        // "> 70% warning, > 90% critical": a value at a limit is still the severity below it.
        Threshold connections = new Threshold(70, 90);
        assertThat(connections.judge(70, false)).isEqualTo(Severity.INFO);
        assertThat(connections.judge(70.01, false)).isEqualTo(Severity.WARNING);
        assertThat(connections.judge(90, false)).isEqualTo(Severity.WARNING);
        assertThat(connections.judge(90.01, false)).isEqualTo(Severity.CRITICAL);
        // Lower is worse (cache hit ratio, < 99% warning, < 90% critical).
        Threshold cacheHits = new Threshold(99, 90);
        assertThat(cacheHits.judge(99, true)).isEqualTo(Severity.INFO);
        assertThat(cacheHits.judge(98.99, true)).isEqualTo(Severity.WARNING);
        assertThat(cacheHits.judge(90, true)).isEqualTo(Severity.WARNING);
        assertThat(cacheHits.judge(89.99, true)).isEqualTo(Severity.CRITICAL);
        assertThat(cacheHits.judge(99.5, true)).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldFindATableFullOfDeadTuples(TestDatabase db) {
        db.execute("INSERT INTO contacts (name, email, subject, message) SELECT 'V', 'v' || g || '@shop.example', 'Q', 'm' "
                + "FROM generate_series(1, 5000) g", "DELETE FROM contacts WHERE email <> 'v1@shop.example'", Statistics.FLUSH);
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
    void shouldJudgeDeadTuplesOnlyFromOneThousandOn(TestDatabase db) {
        // 4000 rows, then 999 deleted: 25% dead would be WARNING, but under 1,000 dead tuples it is not judged.
        db.execute("ALTER TABLE contacts SET (autovacuum_enabled = false)", "TRUNCATE contacts");
        try {
            db.execute("INSERT INTO contacts (name, email, subject, message) SELECT 'V', 'v' || g || '@shop.example', 'Q', 'm' "
                    + "FROM generate_series(1, 4000) g", "DELETE FROM contacts WHERE email IN (SELECT 'v' || g || '@shop.example' "
                    + "FROM generate_series(1, 999) g)", Statistics.FLUSH);
            Statistics.awaitVisible(db, "SELECT n_dead_tup = 999 AND n_live_tup = 3001 FROM pg_stat_user_tables WHERE relname = 'contacts'");
            assertThat(check(db, "ops.autovacuum").findings()).filteredOn(f -> f.object().equals("contacts"))
                    .noneSatisfy(f -> assertThat(f.message()).contains("dead tuples"));
            db.execute("DELETE FROM contacts WHERE email = 'v1000@shop.example'", Statistics.FLUSH);
            Statistics.awaitVisible(db, "SELECT n_dead_tup = 1000 FROM pg_stat_user_tables WHERE relname = 'contacts'");
            assertThat(check(db, "ops.autovacuum").findings())
                    .filteredOn(f -> f.object().equals("contacts") && f.message().contains("dead tuples")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.object()).isEqualTo("contacts");
                        assertThat(f.severity()).as("1000 dead for 3000 live: 33%, past 20%, not past 50%").isEqualTo(Severity.WARNING);
                        assertThat(f.measured()).isEqualTo("33.3%");
                        assertThat(f.message()).startsWith("Table contacts has 1000 dead tuples for 3000 live");
                    });
        } finally {
            db.execute("TRUNCATE contacts", "ALTER TABLE contacts RESET (autovacuum_enabled)");
        }
    }

    @Test
    void shouldFindStaleStatisticsFromOneThousandChangesOn(TestDatabase db) {
        // Never analyzed (so stale), every row a change: 999 changes are not judged, 1000 are a WARNING.
        db.execute("CREATE TABLE scratch_analyze (g int) WITH (autovacuum_enabled = false)");
        try {
            db.execute("INSERT INTO scratch_analyze SELECT g FROM generate_series(1, 999) g", Statistics.FLUSH);
            Statistics.awaitVisible(db, "SELECT n_mod_since_analyze = 999 FROM pg_stat_user_tables WHERE relname = 'scratch_analyze'");
            assertThat(check(db, "ops.autovacuum").findings()).noneSatisfy(f -> assertThat(f.object()).isEqualTo("scratch_analyze"));
            db.execute("INSERT INTO scratch_analyze VALUES (1000)", Statistics.FLUSH);
            Statistics.awaitVisible(db, "SELECT n_mod_since_analyze = 1000 FROM pg_stat_user_tables WHERE relname = 'scratch_analyze'");
            assertThat(check(db, "ops.autovacuum").findings()).filteredOn(f -> f.object().equals("scratch_analyze")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.WARNING);
                        assertThat(f.measured()).isEqualTo("1000 changes");
                        assertThat(f.message()).startsWith("Table scratch_analyze changed 1000 rows since its last analyze (never)");
                        assertThat(f.recommendation()).isEqualTo("ANALYZE scratch_analyze");
                    });
        } finally {
            db.execute("DROP TABLE scratch_analyze");
        }
    }

    @Test
    void shouldBeCriticalWhenStatisticsCollectionIsOff(TestDatabase db) {
        db.execute("ALTER DATABASE " + db.name() + " SET track_counts = off");
        try {
            CheckResult result = check(db, "ops.autovacuum", b -> b.groups(CheckGroup.OPERATIONS));
            assertThat(result.status()).isEqualTo(Status.CRITICAL);
            assertThat(result.findings()).filteredOn(f -> f.object().equals("track_counts")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.recommendation()).startsWith("ALTER SYSTEM SET track_counts = on");
            });
        } finally {
            db.execute("ALTER DATABASE " + db.name() + " RESET track_counts");
        }
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
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.recommendation()).as("no thread waits").isNull();
            });
        }
    }

    @Test
    void shouldReportThreadsWaitingForTheApplicationPool(TestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(30_000);
        config.setPoolName("shop");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CompletableFuture<Void> waiter;
            CheckResult result;
            try (Connection held = pool.getConnection()) {
                waiter = CompletableFuture.runAsync(() -> {
                    try (Connection c = pool.getConnection()) {
                        c.isValid(1);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                for (int i = 0; i < 200 && pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 0; i++) {
                    Thread.sleep(10);
                }
                result = check(db, "ops.connection-pool", b -> b.groups(CheckGroup.OPERATIONS).pool(pool));
                assertThat(held.isValid(1)).isTrue();
            }
            waiter.get(10, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("1 active").contains("of 1 connections").contains("1 thread(s) waiting");
                assertThat(f.recommendation()).contains("maximumPoolSize");
            });
        }
    }

    @Test
    void shouldJudgeTheCacheHitRatioOnlyPastTheMinimumBlockAccesses(TestDatabase db) {
        assertThat(check(db, "ops.cache-hit-ratio").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("Not judged").contains("needs 1000000");
        });
        // A temporary table larger than its session's temp_buffers is read back from disk: a real cache miss.
        db.execute("SET temp_buffers = '800kB'", "CREATE TEMPORARY TABLE scratch_pages AS SELECT g, repeat('x', 200) AS filler "
                + "FROM generate_series(1, 20000) g", "SELECT count(*) FROM scratch_pages", Statistics.FLUSH);
        Statistics.awaitVisible(db, "SELECT blks_read > 0 FROM pg_stat_database WHERE datname = current_database()");
        CheckResult judged = check(db, "ops.cache-hit-ratio", b -> b.cacheHitMinimumBlocks(1)
                .threshold(Metric.CACHE_HIT_PERCENT, 100, 0));
        assertThat(judged.status()).isEqualTo(Status.WARNING);
        assertThat(judged.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("shared_buffers");
            assertThat(Double.parseDouble(f.measured().replace("%", ""))).isLessThan(100);
            assertThat(f.recommendation()).contains("shared_buffers");
        });
    }

    @Test
    void shouldJudgeTheTransactionIdAgeAgainstItsThresholds(TestDatabase db) {
        assertThat(check(db, "ops.xid-wraparound").status()).isEqualTo(Status.HEALTHY);
        CheckResult warning = check(db, "ops.xid-wraparound", b -> b.threshold(Metric.XID_AGE, 0, 1e12));
        assertThat(warning.findings()).filteredOn(f -> f.message().contains("transaction ID")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation()).startsWith("In database " + f.object() + ", VACUUM (FREEZE, VERBOSE)");
        });
        assertThat(check(db, "ops.xid-wraparound", b -> b.threshold(Metric.XID_AGE, 0, 0)).findings())
                .filteredOn(f -> f.message().contains("transaction ID"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    /**
     * Databases of one age are not told apart by name: a server that never used multixacts has every database at
     * multixact age 0, and the check named the first by name as the oldest (found by the fresh-user trial).
     */
    @Test
    void shouldNotCallTheFirstOfDatabasesOfOneAgeTheOldest(TestDatabase db) {
        long databases = Long.parseLong(scalar(db, "SELECT count(*)::text FROM pg_database"));
        long tied = Long.parseLong(scalar(db, "SELECT count(*)::text FROM pg_database "
                + "WHERE mxid_age(datminmxid) = (SELECT max(mxid_age(datminmxid)) FROM pg_database)"));
        String expected = tied == databases ? "in every database of the cluster (" + databases + ")"
                : tied > 1 ? " and " + (tied - 1) + " other database(s) of the same age" : "in database ";

        assertThat(check(db, "ops.xid-wraparound").findings()).filteredOn(f -> f.message().contains("multixact ID")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(expected));
    }

    @Test
    void shouldTimeALockWaitFromWhenTheWaitBeganNotFromTheStatementStart(TestDatabase db) throws Exception {
        try (Connection holder = db.dataSource().getConnection(); Connection waiter = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE contacts IN ACCESS EXCLUSIVE MODE");
            }
            // One statement: 3 s of work, then it needs the locked table.
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try (Statement s = waiter.createStatement()) {
                    s.execute("DO $$ BEGIN PERFORM pg_sleep(3); PERFORM count(*) FROM contacts; END $$");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            waitUntil(db, "SELECT count(*) FROM pg_locks WHERE NOT granted AND waitstart IS NOT NULL");
            CheckResult result = check(db, "ops.lock-waits", b -> b.groups(CheckGroup.OPERATIONS));
            double sinceStatementStart;
            try (Statement s = holder.createStatement()) {
                var rs = s.executeQuery("SELECT extract(epoch from clock_timestamp() - query_start) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock'");
                rs.next();
                sinceStatementStart = rs.getDouble(1);
            }
            holder.rollback();
            waiting.get(10, TimeUnit.SECONDS);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                // The statement worked 3 s before it waited: the wait is at least 3 s shorter than the statement.
                assertThat(Double.parseDouble(f.measured().replace(" s", ""))).isLessThanOrEqualTo(sinceStatementStart - 3 + 1);
            });
        }
    }

    @Test
    void shouldFindAnInactiveReplicationSlotThatRetainsWal(TestDatabase db) {
        assertThat(check(db, "ops.replication-lag").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("No replicas");
        });
        db.execute("SELECT pg_create_physical_replication_slot('tz_test_slot', true)");
        try {
            CheckResult result = check(db, "ops.replication-lag", b -> b.groups(CheckGroup.OPERATIONS));
            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.WARNING).singleElement().satisfies(f -> {
                assertThat(f.object()).isEqualTo("slot tz_test_slot");
                assertThat(f.message()).contains("inactive").contains("retains");
                assertThat(f.recommendation()).contains("pg_drop_replication_slot('tz_test_slot')");
            });
        } finally {
            db.execute("SELECT pg_drop_replication_slot('tz_test_slot')");
        }
    }

    @Test
    void shouldReportWalArchivingOffAsInfoWithTheRecommendation(TestDatabase db) {
        CheckResult result = check(db, "ops.wal-archiving");
        assertThat(result.status()).isEqualTo(Status.HEALTHY);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.object()).isEqualTo("archive_mode");
            assertThat(f.measured()).isEqualTo("off");
            assertThat(f.recommendation()).contains("archive_mode = on");
        });
    }

    @Test
    void shouldWarnAboutAConnectionWithoutSslWhenTheCallerRequiresIt(TestDatabase db) {
        assertThat(check(db, "ops.ssl").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("not encrypted (local client)");
        });
        CheckResult required = check(db, "ops.ssl", b -> b.requireSsl(true));
        assertThat(required.status()).isEqualTo(Status.WARNING);
        assertThat(required.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("SSL is required");
            assertThat(f.recommendation()).contains("sslmode=require");
        });
    }

    @Test
    void shouldWarnWhenTheRoleBypassesRowLevelSecurity(TestDatabase db) {
        String role = "bypass_" + db.name().replaceAll("\\D", "");
        db.execute("CREATE ROLE " + role + " LOGIN BYPASSRLS PASSWORD 'Bypass-123'", "GRANT pg_monitor TO " + role);
        try {
            PGSimpleDataSource bypass = new PGSimpleDataSource();
            bypass.setUrl(db.jdbcUrl());
            bypass.setUser(role);
            bypass.setPassword("Bypass-123");
            HealthReport report = TechzoneHealth.configure(bypass).groups(CheckGroup.OPERATIONS).build().run();
            CheckResult result = report.check("ops.role-privileges").orElseThrow();
            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.object()).isEqualTo(role);
                assertThat(f.recommendation()).isEqualTo("ALTER ROLE " + role + " NOBYPASSRLS");
            });
        } finally {
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void shouldReviewTheLiveConfigurationAgainstTheReportAsInfo(TestDatabase db) {
        CheckResult embedded = check(db, "ops.configuration");
        assertThat(embedded.status()).isEqualTo(Status.HEALTHY);
        assertThat(embedded.findings()).extracting(Finding::object).containsExactlyInAnyOrder("max_connections",
                "shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem");
        assertThat(embedded.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(embedded.findings()).filteredOn(f -> f.object().equals("shared_buffers")).singleElement().satisfies(f -> {
            // the server's own setting, whatever it is (external servers differ from the embedded default)
            assertThat(f.measured()).isEqualTo(setting(db, "shared_buffers"));
        });
        db.execute("ALTER DATABASE " + db.name() + " SET maintenance_work_mem = '16MB'");
        try {
            assertThat(check(db, "ops.configuration").findings()).filteredOn(f -> f.object().equals("maintenance_work_mem"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.measured()).isEqualTo("16MB");
                        assertThat(f.message()).contains("below the report's 128MB");
                    });
            db.execute("ALTER DATABASE " + db.name() + " SET maintenance_work_mem = '256MB'");
            assertThat(check(db, "ops.configuration").findings()).filteredOn(f -> f.object().equals("maintenance_work_mem"))
                    .singleElement().satisfies(f -> assertThat(f.message()).contains("as the report (128MB) or above"));
        } finally {
            db.execute("ALTER DATABASE " + db.name() + " RESET maintenance_work_mem");
        }
    }

    @Test
    void shouldListOnlyTheFiveSlowestQueriesWithoutUtilityStatementsOrItsOwn(TestDatabase db) {
        db.execute("DO $$ BEGIN PERFORM pg_sleep(0.2); END $$",
                "CREATE TABLE scratch_slow AS SELECT 1 AS n FROM pg_sleep(0.2)", "DROP TABLE scratch_slow",
                "SELECT pg_sleep(0.1)", "SELECT count(*) FROM orders", "SELECT count(*) FROM products",
                "SELECT count(*) FROM users", "SELECT count(*) FROM reviews", "SELECT count(*) FROM bookings",
                "SELECT count(*) FROM contacts");
        TechzoneHealth.configure(db.dataSource()).build().run();
        CheckResult result = check(db, "ops.slow-statements", b -> b.groups(CheckGroup.OPERATIONS));
        assertThat(result.findings()).hasSize(5).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.recommendation()).isNull();
            assertThat(f.message()).doesNotContainIgnoringCase("create table").doesNotContainIgnoringCase("drop table")
                    .doesNotContain("DO $$").doesNotContain("techzone-health").doesNotContain("set_config")
                    .doesNotContain("pg_catalog", "pg_stat", "pg_class", "pg_settings", "pg_database");
        });
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("SELECT pg_sleep("));
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

    private static String scalar(TestDatabase db, String sql) {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(TestDatabase db, String name) {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
