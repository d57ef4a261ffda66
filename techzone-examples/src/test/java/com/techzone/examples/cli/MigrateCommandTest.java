package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.techzone.testing.TestRoles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code techzone migrate}: what a user sees, on success and on each kind of failure. */
class MigrateCommandTest {

    @Test
    void shouldMigrateAndPrintFromAndToVersion() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("migrate", "--jdbc-url", db.jdbcUrl(), "--user", db.user());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("from version none to version 10, 11 migration(s) applied")
                    .contains("V1 create types");

            CliRun again = CliRun.of("migrate", "--jdbc-url", db.jdbcUrl(), "--user", db.user());
            assertThat(again.out()).contains("from version 10 to version 10, 0 migration(s) applied");
        }
    }

    @Test
    void shouldMigrateIntoTheChosenSchema() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("migrate", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--schema", "shop");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("(schema shop)");
        }
    }

    @Test
    void shouldRefuseAUrlThatIsNotAPostgresJdbcUrlInOneLine() {
        CliRun run = CliRun.of("migrate", "--jdbc-url", "mysql://localhost/shop?password=hunter2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .startsWith("error: --jdbc-url must be a PostgreSQL JDBC URL")
                .contains("password=****")
                .doesNotContain("hunter2");
    }

    @Test
    void shouldReportAnUnreachableServerInOneLineWithoutThePassword() {
        CliRun run = CliRun.of("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop?connectTimeout=2",
                "--user", "shop", "--password", "hunter2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: ").containsIgnoringCase("refused");
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }

    @Test
    void shouldPrintTheStackTraceOnlyWhenVerbose() {
        CliRun run = CliRun.of("migrate", "--verbose", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop?connectTimeout=2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void shouldMaskCredentialsInTheVerboseStackTrace() {
        // pgjdbc would read "app:Secret-77@127.0.0.1" as a host name and quote it in an UnknownHostException: refused first.
        CliRun run = CliRun.of("migrate", "--verbose", "--jdbc-url",
                "jdbc:postgresql://app:Secret-77@127.0.0.1:1/shop?connectTimeout=2&password=Other-88");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat ").doesNotContain("Secret-77").doesNotContain("Other-88")
                .contains("error: --jdbc-url must not carry a user or password before the host "
                        + "(got jdbc:postgresql://app:****@127.0.0.1:1/shop?connectTimeout=2&password=****)");
        assertThat(run.out()).doesNotContain("Secret-77").doesNotContain("Other-88");
    }

    @Test
    void shouldRefuseAPasswordOptionWithoutAValueWhenThereIsNoTerminalToAskOn() {
        // Found by the fresh-user trial: the empty value went to the server, which refused an "empty string" password.
        assumeTrue(System.getenv("TECHZONE_PASSWORD") == null, "TECHZONE_PASSWORD would be taken instead");
        CliRun run = CliRun.of("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop?connectTimeout=2", "--user", "shop",
                "--password");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .isEqualTo("error: --password was given without a value and there is no terminal to ask for it on: "
                        + "give --password P, or set TECHZONE_PASSWORD");
    }

    @Test
    void shouldReportAWrongPasswordInOneLineWithoutThePassword() throws SQLException {
        // Rewrites the server's pg_hba.conf: only on the throwaway embedded server.
        assumeTrue("embedded".equals(TestPostgres.get().kind()), "needs the embedded test server");
        String role = TestRoles.unique("techzone_locked");
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            PasswordRole.require(db, role, "right-password");

            CliRun run = CliRun.of("migrate", "--jdbc-url", db.jdbcUrl().replace("localhost", "127.0.0.1"),
                    "--user", role, "--password", "wrong-password");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).hasSize(1).first().asString()
                    .contains("password authentication failed for user \"" + role + "\"");
            assertThat(run.out() + run.err()).doesNotContain("wrong-password").doesNotContain("right-password");
        } finally {
            TestRoles.drop(role);
        }
    }

    @Test
    void shouldTakeThePasswordFromTheEnvironmentVariableName() {
        assertThat(CliRun.of("migrate", "--help").out()).contains("TECHZONE_PASSWORD").contains("--schema");
    }

    @Test
    void shouldRequireTheJdbcUrl() {
        CliRun run = CliRun.of("migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--jdbc-url=URL'");
    }

    /** Makes the server ask one role for its password over TCP (it trusts everyone else). */
    static final class PasswordRole {
        static void require(TestDatabase db, String role, String password) throws SQLException {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " LOGIN; END IF; END $$");
                s.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
                s.execute("""
                        DO $$
                        DECLARE
                          hba text := pg_read_file(current_setting('hba_file'));
                          rule text := 'host all %1$s 127.0.0.1/32 scram-sha-256';
                        BEGIN
                          IF position(rule IN hba) = 0 THEN
                            EXECUTE format('COPY (SELECT unnest(%%L::text[])) TO %%L',
                                array[rule] || string_to_array(hba, E'\\n'), current_setting('hba_file'));
                            PERFORM pg_reload_conf();
                          END IF;
                        END $$""".formatted(role));
            }
        }
    }
}
