package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.PgBouncer;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The command line through a real PgBouncer in transaction pooling mode ({@code --pooler
 * transaction}): migrate refuses and names the direct connection, the demo's shopping flow and
 * health report run once the schema is migrated directly, and health reports PgBouncer's pools.
 * Skipped where PgBouncer is not installed.
 */
class PgBouncerCliTest {

    @Test
    void shouldRunTheDemoThroughTransactionPoolingOnceMigratedDirectly() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase();
             PgBouncer bouncer = PgBouncer.start(db, "transaction", 2)) {
            CliRun refused = CliRun.of("migrate", "--jdbc-url", bouncer.jdbcUrl(), "--user", db.user(), "--pooler", "transaction");
            assertThat(refused.exitCode()).as("a failure of migrate that is not a usage error").isEqualTo(1);
            assertThat(refused.err()).contains("transaction pooler").contains("direct connection to PostgreSQL");

            CliRun direct = CliRun.of("migrate", "--jdbc-url", db.jdbcUrl(), "--user", db.user());
            assertThat(direct.exitCode()).as(direct.err()).isZero();

            CliRun demo = CliRun.of("demo", "--jdbc-url", bouncer.jdbcUrl(), "--user", db.user(), "--pooler", "transaction");
            assertThat(demo.exitCode()).as(demo.err()).isZero();
            assertThat(demo.out()).contains("0 migration(s) applied")
                    .contains("== 3. A shopping flow ==")
                    .contains("== 4. The health report of this database ==");
        }
    }

    @Test
    void shouldReportPgBouncerPoolsInTheHealthCommand() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase();
             PgBouncer bouncer = PgBouncer.start(db, "transaction", 2)) {
            CliRun run = CliRun.of("health", "--jdbc-url", bouncer.jdbcUrl(), "--user", db.user(), "--pooler", "transaction",
                    "--checks", "operations", "--pgbouncer-admin-url", bouncer.adminJdbcUrl());

            assertThat(run.err()).doesNotContain("Exception");
            assertThat(run.out()).contains("ops.pgbouncer-pools  PgBouncer pools")
                    .contains("Pool " + db.name() + "/" + db.user() + " (transaction mode)");
        }
    }

    @Test
    void shouldRefuseAnUnknownPoolerMode() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            CliRun run = CliRun.of("health", "--jdbc-url", db.jdbcUrl(), "--pooler", "statement");

            assertThat(run.exitCode()).as("anything but a judgement of the database is UNKNOWN for health").isEqualTo(3);
            assertThat(run.err()).contains("--pooler must be none, session or transaction, got: statement");
        }
    }
}
