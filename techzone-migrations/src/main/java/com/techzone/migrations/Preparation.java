package com.techzone.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What runs before Flyway on every migrate, in one short transaction under an advisory lock of its
 * own (so instances starting together do not race to create the same schema or extension):
 * <ol>
 *   <li>{@code btree_gist} is made to live outside every tenant schema. V1 runs
 *       {@code CREATE EXTENSION IF NOT EXISTS btree_gist} with the search path on the target schema, so
 *       without this step the extension lands in the first tenant migrated, and
 *       {@code DROP SCHEMA tenant_a CASCADE} drops every other tenant's bookings exclusion constraint.
 *       V1 is released and never edited: creating the extension here first turns its statement into
 *       a no-op.</li>
 *   <li>Whether the target schema is a first migration beside the host's objects (no TechZone
 *       history yet, but other objects), which Flyway refuses unless told to baseline.</li>
 * </ol>
 */
final class Preparation {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('techzone-migrations-preparation'))";

    private static final String EXTENSION_SCHEMA_SQL = """
            SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'btree_gist'""";

    /** Schemas holding TechZone's bookings constraint: the TechZone schemas (tenants) of this database. */
    private static final String TECHZONE_SCHEMAS_SQL = """
            SELECT DISTINCT n.nspname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.conname = 'ex_bookings_no_overlap' AND c.contype = 'x'
            ORDER BY 1""";

    /** No history table yet, and any object at all in the schema (wider than Flyway's test: harmless). */
    private static final String BESIDE_OTHER_OBJECTS_SQL = """
            SELECT NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relname = ?)
                   AND (EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid)
                        OR EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = n.oid)
                        OR EXISTS (SELECT 1 FROM pg_type t WHERE t.typnamespace = n.oid))
            FROM pg_namespace n WHERE n.nspname = ?""";

    /**
     * The schema does not exist yet, is named like the migrating role, and that role's search_path
     * names {@code "$user"} (PostgreSQL's default: {@code "$user", public}).
     */
    private static final String NAMED_AFTER_ROLE_SQL = """
            SELECT current_user = ? AND NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)
                   AND current_setting('search_path') ~ '(^|,)\\s*"?\\$user"?\\s*(,|$)'""";

    private Preparation() {
    }

    /**
     * @return true when Flyway must baseline (at version 0, in the TechZone history table) because
     *     the schema holds other objects and no TechZone history
     * @throws MigrationException if the server refuses; nothing is changed then
     */
    static boolean prepare(DataSource dataSource, String schema, String historyTable) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute(LOCK);
                }
                refuseSchemaNamedAfterRole(c, schema);
                List<String> techzoneSchemas = techzoneSchemas(c);
                placeExtension(c, schema, techzoneSchemas);
                boolean besideOtherObjects = besideOtherObjects(c, schema, historyTable);
                if (besideOtherObjects && techzoneSchemas.contains(schema)) {
                    throw new MigrationException("The schema \"" + schema + "\" already holds the TechZone tables but "
                            + "no history table " + historyTable + ": was it migrated with another historyTable(...)? "
                            + "Configure that name; nothing was changed", "ERROR", null);
                }
                c.commit();
                return besideOtherObjects;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not migrate the TechZone schema in \"" + schema + "\": " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", "ERROR", e, e.getSQLState());
        }
    }

    /**
     * Creating a schema named like the migrating role, while that role's search_path starts with (or
     * holds) {@code "$user"}, would make it the role's current schema: every unqualified name of the
     * role would then resolve into TechZone's tables first, the host's own Flyway (which migrates the
     * current schema on its defaults) included. Found by a trial of the README's Spring Boot command
     * with role and schema both {@code shop}: the host's second start failed on "non-empty schema
     * shop but no schema history table". Refused before anything is created.
     */
    private static void refuseSchemaNamedAfterRole(Connection c, String schema) throws SQLException {
        boolean hazard;
        String searchPath;
        try (PreparedStatement ps = c.prepareStatement(NAMED_AFTER_ROLE_SQL + ", current_setting('search_path')")) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                hazard = rs.getBoolean(1);
                searchPath = rs.getString(2);
            }
        }
        if (hazard) {
            throw new MigrationException("Not creating the TechZone schema \"" + schema + "\": it is named like the role "
                    + schema + ", whose search_path (" + searchPath + ") would then resolve every unqualified name of that "
                    + "role into TechZone's tables first: your own Flyway (it migrates the current schema), your own "
                    + "queries of users or orders. Nothing was changed. Choose a schema that is not named like a role, "
                    + "or pin the role's search_path and reconnect: ALTER ROLE " + schema + " SET search_path = public;",
                    "ERROR", null);
        }
    }

    /**
     * Absent: create it in {@value TechzoneMigrations#EXTENSION_SCHEMA}. In a TechZone schema that
     * another TechZone schema depends on (or is about to): move it there. Anywhere else (public, a
     * schema for extensions the DBA chose): leave it, the host may use it there.
     */
    private static void placeExtension(Connection c, String target, List<String> techzoneSchemas) throws SQLException {
        String home = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(EXTENSION_SCHEMA_SQL)) {
            if (rs.next()) {
                home = rs.getString(1);
            }
        }
        String ownSchema = TechzoneMigrations.EXTENSION_SCHEMA;
        if (home == null) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + ownSchema);
                s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA " + ownSchema);
            }
            return;
        }
        if (home.equals("public") || home.equals(ownSchema)) {
            return;
        }
        boolean inATenant = techzoneSchemas.contains(home);
        boolean sharedWithAnotherTenant = !home.equals(target) || techzoneSchemas.size() > 1;
        if (inATenant && sharedWithAnotherTenant) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + ownSchema);
                s.execute("ALTER EXTENSION btree_gist SET SCHEMA " + ownSchema);
            } catch (SQLException e) {
                throw new SQLException("btree_gist lives in the TechZone schema " + home + ", so dropping that schema "
                        + "would drop the bookings constraint of every other TechZone schema; moving it to "
                        + ownSchema + " was refused (" + e.getMessage() + "). Run as the extension's owner or a "
                        + "superuser: CREATE SCHEMA IF NOT EXISTS " + ownSchema + "; ALTER EXTENSION btree_gist SET SCHEMA "
                        + ownSchema + ";", e.getSQLState(), e);
            }
        }
    }

    private static List<String> techzoneSchemas(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TECHZONE_SCHEMAS_SQL)) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    private static boolean besideOtherObjects(Connection c, String schema, String historyTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BESIDE_OTHER_OBJECTS_SQL)) {
            ps.setString(1, historyTable);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
