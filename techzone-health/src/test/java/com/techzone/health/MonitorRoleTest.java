package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.migrations.TechzoneMigrations;
import com.techzone.migrations.TechzoneRoles;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.techzone.testing.TestRoles;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The health check as the monitor role that {@link TechzoneRoles} creates, on a database migrated by the owner role. */
class MonitorRoleTest {

    private static final TechzoneRoles ROLES = TechzoneRoles.configure()
            .owner(TestRoles.unique("hm_owner")).application(TestRoles.unique("hm_app"))
            .monitor(TestRoles.unique("hm_monitor")).load();

    @AfterAll
    static void dropRoles() {
        TestRoles.drop(ROLES.owner(), ROLES.application(), ROLES.monitor());
    }

    @Test
    void shouldFindAHealthyDatabaseHealthyAsTheMonitorRole() {
        try (TestDatabase admin = TestPostgres.get().createEmptyDatabase()) {
            admin.execute("CREATE EXTENSION pg_stat_statements");
            ROLES.apply(admin.dataSource());
            TechzoneMigrations.migrate(new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.owner(), "").dataSource());
            ROLES.apply(admin.dataSource());
            TestDatabase monitor = new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.monitor(), "");

            HealthReport report = TechzoneHealth.configure(monitor.dataSource()).groups(CheckGroup.values()).build().run();

            assertThat(report.score()).hasToString("6/6");
            assertThat(report.check("schema.migrations").orElseThrow().status()).as("the monitor reads the history").isEqualTo(Status.HEALTHY);
            assertThat(report.checks()).filteredOn(c -> c.id().startsWith("domain.")).hasSize(5)
                    .allSatisfy(c -> assertThat(c.status()).as(c.id() + ": the monitor reads the tables").isEqualTo(Status.HEALTHY));
            assertThat(report.checks()).as("the monitor sees everything it judges, on a healthy database")
                    .allSatisfy(c -> assertThat(c.status()).as(c.id()).isEqualTo(Status.HEALTHY));
            assertThat(report.check("index.sequence-overflow").orElseThrow().status()).as("the monitor reads the sequences")
                    .isEqualTo(Status.HEALTHY);
            assertThat(report.check("ops.role-privileges").orElseThrow().findings()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains(ROLES.monitor()).contains("is not a superuser"));
            assertThat(report.check("ops.ssl").orElseThrow().findings()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("not encrypted (local client)"));
        }
    }

    @Test
    void shouldFindTheOrderNumberSequenceNearOverflowAsTheMonitorRole() {
        try (TestDatabase admin = TestPostgres.get().createEmptyDatabase()) {
            ROLES.apply(admin.dataSource());
            TechzoneMigrations.migrate(new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.owner(), "").dataSource());
            ROLES.apply(admin.dataSource());
            admin.execute("SELECT setval(pg_get_serial_sequence('orders', 'order_number'), 9000000000000000000)");
            TestDatabase monitor = new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.monitor(), "");

            CheckResult result = TechzoneHealth.configure(monitor.dataSource()).groups(CheckGroup.INDEXES).build().run()
                    .check("index.sequence-overflow").orElseThrow();

            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.object()).isEqualTo("orders_order_number_seq");
                assertThat(f.measured()).isEqualTo("2.42%");
            });
        }
    }

    @Test
    void shouldBeUnknownNamingThePrivilegeWhereTheRoleCannotSee() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            String role = "blind_" + db.name().replaceAll("\\D", "");
            db.execute("CREATE ROLE " + role + " LOGIN", "SELECT setval('orders_order_number_seq', 9000000000000000000)");
            try {
                HealthReport report = TechzoneHealth.configure(new TestDatabase(db.name(), db.jdbcUrl(), role, "").dataSource())
                        .groups(CheckGroup.INDEXES, CheckGroup.OPERATIONS).build().run();

                for (String id : List.of("ops.connections", "ops.long-running", "ops.idle-in-transaction", "ops.lock-waits",
                        "ops.replication-lag")) {
                    assertThat(report.check(id).orElseThrow().findings()).as(id)
                            .filteredOn(f -> f.severity() == Severity.UNKNOWN).singleElement().satisfies(f -> {
                                assertThat(f.message()).contains("lacks the privilege pg_read_all_stats");
                                assertThat(f.recommendation()).isEqualTo("GRANT pg_monitor TO " + role
                                        + "; (TechzoneRoles grants it to the monitor role)");
                            });
                }
                assertThat(report.check("ops.disk").orElseThrow().findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
                    assertThat(f.message()).contains("lacks the privilege pg_monitor").contains("the size of the WAL");
                });
                assertThat(report.check("index.sequence-overflow").orElseThrow().findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
                    assertThat(f.message()).contains("lacks the privilege SELECT on").contains("orders_order_number_seq");
                    assertThat(f.recommendation()).startsWith("GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
                });
                for (String id : List.of("index.table-bloat", "index.index-bloat")) {
                    assertThat(report.check(id).orElseThrow().findings()).as(id).singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
                        assertThat(f.message()).contains("lacks the privilege SELECT on").contains("orders");
                    });
                }
            } finally {
                db.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void shouldNameTheGrantsOfTheSchemaWhenARoleHasOnlyPgMonitor() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase("shop")) {
            String role = TestRoles.unique("pgmon_only");
            db.execute("CREATE ROLE " + role + " LOGIN IN ROLE pg_monitor");
            try {
                HealthReport report = TechzoneHealth.configure(new TestDatabase(db.name(), db.jdbcUrl(), role, "").dataSource())
                        .schema("shop").groups(CheckGroup.SCHEMA).build().run();

                assertThat(report.check("schema.migrations").orElseThrow().findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
                    assertThat(f.message()).startsWith("Role " + role + " lacks a privilege this check needs: permission denied")
                            .contains("schema shop");
                    assertThat(f.recommendation()).contains("GRANT pg_monitor TO " + role + ";")
                            .contains("GRANT USAGE ON SCHEMA shop TO " + role + ";")
                            .contains("GRANT SELECT ON ALL TABLES IN SCHEMA shop TO " + role + ";")
                            .doesNotContain("<role>");
                });
                assertThat(report.status()).isEqualTo(Status.UNKNOWN);
            } finally {
                TestRoles.drop(role);
            }
        }
    }
}
