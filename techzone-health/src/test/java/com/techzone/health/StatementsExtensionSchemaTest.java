package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pg_stat_statements installed in a schema of its own ({@code CREATE EXTENSION ... SCHEMA monitoring}),
 * off the role's search_path: the two statement checks read it there, and a role without USAGE on that
 * schema gets UNKNOWN naming the grant, not "the TechZone schema is older than this check" (found by a
 * fresh-user trial: both said so on a schema at the latest version).
 */
class StatementsExtensionSchemaTest {

    private static final List<String> CHECKS = List.of("ops.mean-query-time", "ops.slow-statements");

    @Test
    void shouldReadPgStatStatementsFromTheSchemaItWasInstalledIn() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute("DROP EXTENSION IF EXISTS pg_stat_statements", "CREATE SCHEMA monitoring",
                    "CREATE EXTENSION pg_stat_statements SCHEMA monitoring", "SELECT monitoring.pg_stat_statements_reset()",
                    "SELECT pg_sleep(0.2)", "SELECT count(*) FROM orders");

            HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS)
                    .threshold(Metric.SLOW_STATEMENT_MILLIS, 100, 100_000).build().run();

            for (String id : CHECKS) {
                assertThat(report.check(id).orElseThrow().findings()).as(id)
                        .noneMatch(f -> f.severity() == Severity.UNKNOWN);
            }
            assertThat(report.check("ops.slow-statements").orElseThrow().findings())
                    .anySatisfy(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.WARNING);
                        assertThat(f.message()).contains("pg_sleep");
                    });
        }
    }

    @Test
    void shouldBeUnknownNamingTheGrantWhenTheRoleCannotUseTheExtensionsSchema() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            String role = "stmts_" + db.name().replaceAll("\\D", "");
            db.execute("DROP EXTENSION IF EXISTS pg_stat_statements", "CREATE SCHEMA monitoring",
                    "CREATE EXTENSION pg_stat_statements SCHEMA monitoring", "CREATE ROLE " + role + " LOGIN",
                    "GRANT pg_monitor TO " + role);
            try {
                HealthReport report = TechzoneHealth.configure(new TestDatabase(db.name(), db.jdbcUrl(), role, "").dataSource())
                        .groups(CheckGroup.OPERATIONS).build().run();

                for (String id : CHECKS) {
                    assertThat(report.check(id).orElseThrow().findings()).as(id).singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
                        assertThat(f.message()).contains("installed in schema monitoring").contains("no USAGE privilege")
                                .doesNotContain("older than this check");
                        assertThat(f.recommendation()).isEqualTo("GRANT USAGE ON SCHEMA monitoring TO " + role + ";");
                    });
                }
            } finally {
                db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }
}
