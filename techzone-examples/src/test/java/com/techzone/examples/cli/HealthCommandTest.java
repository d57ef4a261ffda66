package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code techzone health}: exit codes, formats, and no password in any output. */
@TechzoneDatabaseTest
class HealthCommandTest {

    @BeforeAll
    static void enableStatements(TestDatabase db) {
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    @Test
    void shouldExitZeroWithScoreSixOfSixOnAFreshDatabase(TestDatabase db) {
        Run run = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--checks", "all");
        assertThat(run.exitCode).as(run.out + run.err).isZero();
        assertThat(run.out).contains("TechZone health: HEALTHY", "schema score 6/6");
    }

    @Test
    void shouldExitWithWarningWhenAForeignKeyIndexIsDropped(@TempDir Path dir) throws Exception {
        try (TestDatabase db = com.techzone.testing.TestPostgres.get().createMigratedDatabase()) {
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "DROP INDEX idx_order_items_order_id");
            Path file = dir.resolve("health.json");
            Run run = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--format", "json",
                    "--output", file.toString());
            assertThat(run.exitCode).as(run.out + run.err).isEqualTo(1);
            assertThat(Files.readString(file)).contains("\"status\": \"WARNING\"", "\"text\": \"5/6\"",
                    "CREATE INDEX CONCURRENTLY idx_order_items_order_id");
        }
    }

    @Test
    void shouldSayWhyTheReportCouldNotBeWritten(TestDatabase db, @TempDir Path dir) {
        Path missing = dir.resolve("no-such-directory").resolve("health.md");
        Run run = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--output", missing.toString());

        assertThat(run.exitCode).as(run.out + run.err).isEqualTo(3);
        assertThat(run.err).contains("error: " + missing + ": no such file or directory");
    }

    @Test
    void shouldExitCriticalWhenARequiredTableIsMissing() {
        try (TestDatabase db = com.techzone.testing.TestPostgres.get().createMigratedDatabase()) {
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "DROP TABLE contacts CASCADE");
            Run run = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--checks", "schema");
            assertThat(run.exitCode).as(run.out + run.err).isEqualTo(2);
            assertThat(run.out).contains("TechZone health: CRITICAL").contains("contacts");
        }
    }

    @Test
    void shouldExitThreeWithOneLineAndNoPasswordWhenTheServerIsUnreachable() {
        Run run = Run.of("health", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop?password=s3cret",
                "--user", "shop", "--password", "t0psecret");
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err.strip()).startsWith("error:").doesNotContain("\n");
        assertThat(run.out + run.err).doesNotContain("s3cret").doesNotContain("t0psecret");
    }

    @Test
    void shouldRefuseAnUnknownFormat(TestDatabase db) {
        Run run = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--format", "yaml");
        assertThat(run.exitCode).as("a usage error is UNKNOWN, never CRITICAL").isEqualTo(3);
        assertThat(run.err).contains("Unknown format \"yaml\"");
        assertThat(run.err.strip()).startsWith("error:").doesNotContain("\n");
    }

    @Test
    void shouldExitUnknownWithOneLineOnAnUnknownOption() {
        Run run = Run.of("health", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop", "--no-such-flag");
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err.strip()).startsWith("error:").contains("--no-such-flag").contains("techzone health --help")
                .doesNotContain("\n");
        assertThat(run.out).isEmpty();
    }

    @Test
    void shouldKeepTheUsageExitCodeTwoForOtherCommands() {
        Run run = Run.of("migrate", "--no-such-flag");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("error:").contains("--no-such-flag").doesNotContain("\n");
    }

    @Test
    void shouldApplyTheStatementTimeoutGivenOnTheCommandLine(TestDatabase db) {
        Run tiny = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--statement-timeout", "0.001");
        assertThat(tiny.exitCode).as(tiny.out + tiny.err).isEqualTo(3);
        assertThat(tiny.out + tiny.err).contains("statement_timeout");

        Run refused = Run.of("health", "--jdbc-url", db.jdbcUrl(), "--statement-timeout", "0");
        assertThat(refused.exitCode).isEqualTo(3);
        assertThat(refused.err).contains("--statement-timeout");
    }

    private record Run(int exitCode, String out, String err) {
        static synchronized Run of(String... args) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = TechzoneCli.run(args);
                return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }
}
