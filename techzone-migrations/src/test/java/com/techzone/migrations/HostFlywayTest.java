package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * TechZone inside a host that runs its own Flyway: the host's Flyway on default settings
 * ({@code classpath:db/migration}, schema public, flyway_schema_history) finds the test-only host
 * migrations under src/test/resources/db/migration (tables users and orders), never ours.
 */
class HostFlywayTest {

    private static final String SAME_SCHEMA_HOST_LOCATION = "classpath:host/same-schema";

    @Test
    void shouldKeepTheTechzoneMigrationsOutOfTheHostsDefaultFlywayScan() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            Flyway host = Flyway.configure().dataSource(db.dataSource()).load();

            assertThat(host.info().all()).extracting(MigrationInfo::getDescription).containsExactly("create host tables");
            assertThat(host.migrate().migrationsExecuted).isEqualTo(1);
            assertThat(new SchemaCatalog(db.dataSource()).tables("public"))
                    .containsExactly("flyway_schema_history", "orders", "users");

            MigrationResult ours = TechzoneMigrations.configure(db.dataSource()).schema("shop").load().migrate();
            assertThat(ours.migrationsApplied()).isEqualTo(11);
            assertThat(new SchemaCatalog(db.dataSource()).tables("shop")).hasSize(13).contains("users", "orders");
            assertThat(host.validateWithResult().validationSuccessful).isTrue();
        }
    }

    @Test
    void shouldLetTheHostsDefaultFlywayRunAfterTechzoneInItsOwnSchema() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).schema("shop").load().migrate();

            Flyway host = Flyway.configure().dataSource(db.dataSource()).load();
            assertThat(host.migrate().migrationsExecuted).isEqualTo(1);

            SchemaCatalog catalog = new SchemaCatalog(db.dataSource());
            assertThat(catalog.tables("public")).containsExactly("flyway_schema_history", "orders", "users");
            assertThat(catalog.strings("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND table_name = 'users' ORDER BY 1")).containsExactly("id", "login");
            assertThat(TechzoneMigrations.configure(db.dataSource()).schema("shop").load().currentVersion()).isEqualTo("10");
        }
    }

    @Test
    void shouldMigrateBesideTheHostsTablesInTheSameSchema() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            hostFlyway(db.dataSource(), false).migrate();

            MigrationResult result = TechzoneMigrations.migrate(db.dataSource());

            assertThat(result.fromVersion()).isNull();
            assertThat(result.toVersion()).isEqualTo("10");
            assertThat(result.migrationsApplied()).isEqualTo(11);
            SchemaCatalog catalog = new SchemaCatalog(db.dataSource());
            assertThat(catalog.tables("public")).contains("host_audit_log", "flyway_schema_history", "bookings");
            assertThat(catalog.strings("SELECT version FROM techzone_schema_history ORDER BY installed_rank"))
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "8.1", "9", "10");
            assertThat(catalog.strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .as("the host's history is not touched").containsExactly("1");
            TechzoneMigrations again = TechzoneMigrations.configure(db.dataSource()).load();
            again.validate();
            assertThat(again.currentVersion()).isEqualTo("10");
            assertThat(again.migrate().upToDate()).isTrue();
            assertThat(hostFlyway(db.dataSource(), false).validateWithResult().validationSuccessful).isTrue();
        }
    }

    @Test
    void shouldLetTheHostsFlywayFollowIntoTheSameSchemaWithBaselineVersionZero() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.migrate(db.dataSource());

            assertThatThrownBy(() -> hostFlyway(db.dataSource(), false).migrate())
                    .as("Flyway refuses a non-empty schema without its own history; docs/usage.md says what the host sets")
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("non-empty schema");

            assertThat(hostFlyway(db.dataSource(), true).migrate().migrationsExecuted).isEqualTo(1);
            SchemaCatalog catalog = new SchemaCatalog(db.dataSource());
            assertThat(catalog.tables("public")).contains("host_audit_log", "bookings");
            assertThat(catalog.strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("0", "1");
            assertThat(TechzoneMigrations.configure(db.dataSource()).load().currentVersion()).isEqualTo("10");
        }
    }

    @Test
    void shouldNotBaselineASchemaThatHoldsTechzoneUnderAnotherHistoryTable() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).historyTable("shop_history").load().migrate();

            assertThatThrownBy(() -> TechzoneMigrations.migrate(db.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("already holds the TechZone tables but no history table techzone_schema_history")
                    .hasMessageContaining("historyTable");
            assertThat(new SchemaCatalog(db.dataSource()).strings("SELECT to_regclass('techzone_schema_history')::text"))
                    .as("nothing written").containsOnlyNulls();
        }
    }

    /**
     * The host's Flyway on default settings but for its location; with {@code sharing}, the two
     * settings docs/usage.md tells a host to add when it shares a schema with TechZone
     * (spring.flyway.baseline-on-migrate=true, spring.flyway.baseline-version=0).
     */
    private static Flyway hostFlyway(DataSource dataSource, boolean sharing) {
        return Flyway.configure().dataSource(dataSource).locations(SAME_SCHEMA_HOST_LOCATION)
                .baselineOnMigrate(sharing).baselineVersion(sharing ? "0" : "1").load();
    }
}
