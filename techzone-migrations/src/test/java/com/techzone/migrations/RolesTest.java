package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.techzone.testing.TestRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** The least-privilege roles: the owner migrates, the application only reads and writes rows, the monitor only reads. */
class RolesTest {

    private static final TechzoneRoles ROLES = TechzoneRoles.configure()
            .owner(TestRoles.unique("roles_test_owner")).application(TestRoles.unique("roles_test_app"))
            .monitor(TestRoles.unique("roles_test_monitor")).load();

    private static TestDatabase admin;
    private static TestDatabase asOwner;
    private static TestDatabase asApplication;
    private static TestDatabase asMonitor;

    @BeforeAll
    static void createRolesMigrateAsOwnerAndApplyAgain() {
        admin = TestPostgres.get().createEmptyDatabase();
        ROLES.apply(admin.dataSource());
        asOwner = as(ROLES.owner());
        asApplication = as(ROLES.application());
        asMonitor = as(ROLES.monitor());

        TechzoneMigrations.migrate(asOwner.dataSource());
        ROLES.apply(admin.dataSource());
    }

    @AfterAll
    static void dropDatabaseAndRoles() {
        admin.close();
        TestRoles.drop(ROLES.owner(), ROLES.application(), ROLES.monitor());
    }

    @Test
    void shouldLetTheApplicationReadAndWriteRows() {
        assertThatCode(() -> asApplication.execute(
                "INSERT INTO users (email, password_hash, full_name) VALUES ('app@x.io', 'h', 'App')",
                "UPDATE users SET full_name = 'App 2' WHERE email = 'app@x.io'",
                "INSERT INTO orders (user_id, subtotal, total) SELECT id, 0, 0 FROM users WHERE email = 'app@x.io'",
                "SELECT count(*) FROM orders",
                "DELETE FROM orders",
                "DELETE FROM users WHERE email = 'app@x.io'")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseTheApplicationEveryKindOfDdl() {
        for (String ddl : new String[] {
                "CREATE TABLE intruder (id int)",
                "ALTER TABLE users ADD COLUMN intruder int",
                "DROP TABLE contacts",
                "CREATE INDEX intruder ON users (full_name)",
                "TRUNCATE contacts",
                "CREATE SCHEMA intruder",
                "INSERT INTO techzone_schema_history (installed_rank, description, type, script, installed_by, execution_time, success) "
                        + "VALUES (99, 'x', 'SQL', 'x', 'x', 0, true)"}) {
            assertThatThrownBy(() -> asApplication.execute(ddl)).as(ddl)
                    .rootCause().isInstanceOf(PSQLException.class)
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).as(ddl).isIn("42501"));
        }
    }

    @Test
    void shouldLetTheMonitorReadStatisticsAndTablesButWriteNothing() {
        assertThatCode(() -> asMonitor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE query IS NOT NULL",
                "SELECT pg_database_size(current_database())",
                "SELECT count(*) FROM orders",
                "SELECT max(version) FROM techzone_schema_history")).doesNotThrowAnyException();
        assertThat(new SchemaCatalog(asMonitor.dataSource())
                .strings("SELECT pg_has_role('" + ROLES.monitor() + "', 'pg_monitor', 'USAGE')")).containsExactly("t");

        assertThatThrownBy(() -> asMonitor.execute("INSERT INTO contacts (name, email, subject, message) VALUES ('a', 'a@x.io', 's', 'm')"))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void shouldGiveTheOwnerTheObjects() {
        assertThat(new SchemaCatalog(admin.dataSource()).strings(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")).containsExactly(ROLES.owner());
    }

    @Test
    void shouldBeSafeToApplyAgain() {
        assertThatCode(() -> ROLES.apply(admin.dataSource())).doesNotThrowAnyException();
    }

    @Test
    void shouldPublishTheDefaultScriptInTheSecurityDoc() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "security.md"));

        assertThat(doc).contains(TechzoneRoles.configure().load().script());
    }

    @Test
    void shouldRefuseTheSameNameForTwoRoles() {
        assertThatThrownBy(() -> TechzoneRoles.configure().owner("x").application("x").load())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("three different roles");
    }

    private static TestDatabase as(String role) {
        return new TestDatabase(admin.name(), admin.jdbcUrl(), role, "");
    }
}
