package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * The run is harmless and degrades check by check: least privilege, no pg_stat_statements,
 * timeouts and an unreachable server.
 */
class SafetyTest {

    @Test
    void shouldRunAsAPgMonitorRoleWithUnknownOnlyWhereTablesMustBeRead() {
        TestDatabase db = TestPostgres.get().createMigratedDatabase();
        {
            String role = "monitor_" + db.name().replaceAll("\\D", "");
            db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'Secret-123'", "GRANT pg_monitor TO " + role,
                    "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try {
                PGSimpleDataSource monitor = new PGSimpleDataSource();
                monitor.setUrl(db.jdbcUrl());
                monitor.setUser(role);
                monitor.setPassword("Secret-123");
                HealthReport report = TechzoneHealth.configure(monitor).groups(CheckGroup.values()).build().run();
                assertThat(report.score()).hasToString("6/6");
                assertThat(report.checks()).filteredOn(c -> c.status() == Status.UNKNOWN).extracting(CheckResult::id)
                        .containsExactlyInAnyOrder("schema.migrations", "domain.inventory-ledger", "domain.order-totals",
                                "domain.order-status-history", "domain.booking-overlap", "domain.sales-reports",
                                "index.sequence-overflow", "index.table-bloat", "index.index-bloat");
                assertThat(report.findings(Severity.UNKNOWN)).allSatisfy(f -> assertThat(f.message()).contains("privilege"));
                assertThat(report.findings(Severity.WARNING)).isEmpty();
                assertThat(report.check("ops.role-privileges").orElseThrow().findings()).singleElement()
                        .satisfies(f -> assertThat(f.message()).contains("is not a superuser"));
                assertThat(ReportFormat.JSON.render(report) + ReportFormat.TEXT.render(report)).doesNotContain("Secret-123");
            } finally {
                db.close();
                try (TestDatabase other = TestPostgres.get().createEmptyDatabase()) {
                    other.execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }

    @Test
    void shouldBeUnknownWithTheFixWhenPgStatStatementsIsNotInstalled() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            HealthReport report = TechzoneHealth.configure(db.dataSource()).build().run();
            CheckResult mean = report.check("ops.mean-query-time").orElseThrow();
            assertThat(mean.status()).isEqualTo(Status.UNKNOWN);
            assertThat(mean.findings()).singleElement().satisfies(f ->
                    assertThat(f.recommendation()).contains("CREATE EXTENSION pg_stat_statements"));
            assertThat(report.check("ops.slow-statements").orElseThrow().status()).isEqualTo(Status.UNKNOWN);
            assertThat(report.status()).isEqualTo(Status.UNKNOWN);
            assertThat(report.exitCode()).isEqualTo(3);
            assertThat(report.score()).hasToString("6/6");
        }
    }

    @Test
    void shouldTurnATimedOutCheckIntoUnknownAndRunTheRest() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.SCHEMA, CheckGroup.INDEXES)
                    .statementTimeout(Duration.ofMillis(1)).build().run();
            assertThat(report.checks()).hasSize(22);
            assertThat(report.findings(Severity.UNKNOWN)).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message()).containsAnyOf("Timed out", "Could not run"));
        }
    }

    @Test
    void shouldNeverWriteAndLeaveNoTransactionOpen() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            // A marker table of the test's own: its three rows, once visible in the statistics, show
            // that every write flushed before them is visible too.
            db.execute("CREATE TABLE public.write_marker (n int)", Statistics.FLUSH);
            long before = userTableWrites(db);

            HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.values()).build().run();

            db.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'techzone-health') "
                    + "THEN RAISE EXCEPTION 'a health session is still open'; END IF; END $$");
            db.execute("INSERT INTO public.write_marker SELECT generate_series(1, 3)", Statistics.FLUSH);
            Statistics.awaitVisible(db, "SELECT n_tup_ins = 3 FROM pg_stat_user_tables WHERE relname = 'write_marker'");
            assertThat(report.checks()).as("every check of the four groups: 9 + 13 + 19 + 5").hasSize(46);
            assertThat(userTableWrites(db)).as("rows inserted, updated or deleted in the database's tables")
                    .isEqualTo(before + 3);
        }
    }

    private static long userTableWrites(TestDatabase db) {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (java.sql.ResultSet rs = s.executeQuery(
                    "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldLogNothingAtInfoDuringARun() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            TechzoneHealth health = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.values()).build();
            health.run();
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                // proves the capture: slf4j-simple writes INFO of com.techzone (test configuration) to System.err
                LoggerFactory.getLogger("com.techzone.health.SafetyTest").info("capture check");
                health.run();
                TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.values()).build().run();
            } finally {
                System.setErr(original);
            }
            List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).filteredOn(l -> l.contains("INFO")).singleElement().satisfies(l -> assertThat(l).contains("capture check"));
        }
    }

    @Test
    void shouldFailTheRunWithOneMaskedMessageWhenTheServerIsUnreachable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/shop?password=s3cret");
        assertThatThrownBy(() -> TechzoneHealth.configure(nowhere).build().run())
                .isInstanceOf(HealthCheckException.class)
                .hasMessageStartingWith("Could not connect to the database")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldRefuseBadOptionsNamingTheSetting() {
        assertThatThrownBy(() -> TechzoneHealth.configure(new PGSimpleDataSource()).threshold(Metric.CACHE_HIT_PERCENT, 90, 99))
                .hasMessageContaining("CACHE_HIT_PERCENT").hasMessageContaining("at or below");
        assertThatThrownBy(() -> TechzoneHealth.configure(new PGSimpleDataSource()).schema("Shop; drop"))
                .hasMessageContaining("schema must be a lower-case SQL identifier");
    }
}
