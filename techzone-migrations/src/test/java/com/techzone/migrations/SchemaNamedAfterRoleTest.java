package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * TechZone's schema named like the role that migrates it, under PostgreSQL's default search_path
 * {@code "$user", public}: creating it would make it that role's current schema, so the host's own
 * Flyway and unqualified SQL would land in TechZone's tables. Found by a trial of the README's Spring
 * Boot command (role and schema both {@code shop}): the host's second start failed with "Found
 * non-empty schema(s) shop but no schema history table". Refused, with nothing created; a role whose
 * search_path is pinned migrates, and the host's Flyway keeps working in {@code public}.
 */
class SchemaNamedAfterRoleTest {

    @Test
    void shouldRefuseToCreateASchemaNamedLikeTheRoleWhoseSearchPathHoldsUserAndCreateNothing() throws SQLException {
        try (TestDatabase admin = TestPostgres.get().createEmptyDatabase()) {
            String role = "shop_" + admin.name().replaceAll("\\D", "");
            admin.execute("CREATE ROLE " + role + " LOGIN", "GRANT CREATE ON DATABASE " + admin.name() + " TO " + role,
                    "GRANT CREATE ON SCHEMA public TO " + role);
            try {
                TestDatabase asRole = new TestDatabase(admin.name(), admin.jdbcUrl(), role, "");
                // The host's own Flyway first, on its defaults: its history lands in public.
                Flyway.configure().dataSource(asRole.dataSource()).load().migrate();

                assertThatThrownBy(() -> TechzoneMigrations.configure(asRole.dataSource()).schema(role).load().migrate())
                        .isInstanceOf(MigrationException.class)
                        .hasMessageContaining("Not creating the TechZone schema \"" + role + "\"")
                        .hasMessageContaining("search_path (\"$user\", public)")
                        .hasMessageContaining("Nothing was changed")
                        .hasMessageContaining("ALTER ROLE " + role + " SET search_path = public;");
                assertThat(text(asRole, "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname IN ('"
                        + role + "', '" + TechzoneMigrations.EXTENSION_SCHEMA + "')")).isNull();

                // Pinned search_path: the migration runs, and the role's current schema stays public.
                admin.execute("ALTER ROLE " + role + " SET search_path = public");
                MigrationResult result = TechzoneMigrations.configure(asRole.dataSource()).schema(role).load().migrate();
                assertThat(result.toVersion()).isEqualTo("10");
                assertThat(text(asRole, "SELECT current_schema()")).isEqualTo("public");
                // The host's Flyway, started again, still finds its history in public.
                assertThat(Flyway.configure().dataSource(asRole.dataSource()).load().migrate().success).isTrue();
            } finally {
                admin.execute("DROP OWNED BY " + role + " CASCADE", "DROP ROLE " + role);
            }
        }
    }

    @Test
    void shouldMigrateASchemaNamedLikeTheRoleWhenItAlreadyExists() {
        try (TestDatabase admin = TestPostgres.get().createEmptyDatabase()) {
            String role = "tz_" + admin.name().replaceAll("\\D", "");
            admin.execute("CREATE ROLE " + role + " LOGIN", "GRANT CREATE ON DATABASE " + admin.name() + " TO " + role,
                    "CREATE SCHEMA " + role + " AUTHORIZATION " + role);
            try {
                // Its current schema already is that schema (the DBA's choice, not ours): nothing to refuse.
                MigrationResult result = TechzoneMigrations.configure(new TestDatabase(admin.name(), admin.jdbcUrl(), role, "")
                        .dataSource()).schema(role).load().migrate();
                assertThat(result.toVersion()).isEqualTo("10");
            } finally {
                admin.execute("DROP OWNED BY " + role + " CASCADE", "DROP ROLE " + role);
            }
        }
    }

    private static String text(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
