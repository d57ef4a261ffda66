package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.migrations.TechzoneMigrations;
import com.techzone.migrations.TechzoneRoles;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** The health check as the monitor role that {@link TechzoneRoles} creates, on a database migrated by the owner role. */
class MonitorRoleTest {

    private static final TechzoneRoles ROLES = TechzoneRoles.configure()
            .owner("hm_owner").application("hm_app").monitor("hm_monitor").load();

    @Test
    void shouldScoreSixOfSixAsTheMonitorRoleWithUnknownOnlyForWhatItMayNotSee() {
        try (TestDatabase admin = TestPostgres.get().createEmptyDatabase()) {
            ROLES.apply(admin.dataSource());
            TechzoneMigrations.migrate(new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.owner(), "").dataSource());
            ROLES.apply(admin.dataSource());
            TestDatabase monitor = new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.monitor(), "");

            HealthReport report = TechzoneHealth.configure(monitor.dataSource()).groups(CheckGroup.values()).build().run();

            assertThat(report.score()).hasToString("6/6");
            assertThat(report.check("schema.migrations").orElseThrow().status()).as("the monitor reads the history").isEqualTo(Status.HEALTHY);
            assertThat(report.checks()).filteredOn(c -> c.id().startsWith("domain.")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.status()).as(c.id() + ": the monitor reads the tables").isNotEqualTo(Status.UNKNOWN));
            assertThat(report.findings(Severity.UNKNOWN)).as("only what needs more than pg_monitor and SELECT")
                    .allSatisfy(f -> assertThat(f.message()).containsAnyOf("privilege", "pg_stat_statements", "extension"));
            assertThat(report.check("ops.role-privileges").orElseThrow().findings()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains(ROLES.monitor()).contains("is not a superuser"));
            assertThat(report.check("ops.ssl").orElseThrow().findings()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("not encrypted (local client)"));
        }
    }
}
