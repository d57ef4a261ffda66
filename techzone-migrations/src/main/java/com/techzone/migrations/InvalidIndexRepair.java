package com.techzone.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Makes a migration that builds indexes {@code CONCURRENTLY} rerunnable after an interruption.
 * A cancelled or killed {@code CREATE INDEX CONCURRENTLY} leaves its index behind, INVALID: never
 * used by a query, still written by every insert, and skipped by {@code IF NOT EXISTS}. Before each
 * migration runs, this drops (concurrently) every INVALID index of the schema that the migration's
 * script creates with {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, so the script builds it again.
 * Indexes the script does not create, and valid ones, are never touched.
 *
 * <p>On PostgreSQL, Flyway records a run as failed only for a non-transactional migration (a
 * transactional one is rolled back and leaves no row), and it refuses to migrate past a failed row.
 * Our non-transactional migrations are written to be rerun, so {@link #forgetFailedRuns}, called by
 * {@link TechzoneMigrations#migrate()} before Flyway's, deletes their failed rows ({@code success = false})
 * from the history table, as {@code flyway repair} would: the migrate runs them again. Never on validate
 * or info, which stay read-only.
 */
final class InvalidIndexRepair implements Callback {

    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private static final String INVALID_INDEX = """
            SELECT format('DROP INDEX CONCURRENTLY IF EXISTS %I.%I', n.nspname, c.relname)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND NOT i.indisvalid""";

    private final String schema;
    private final ClassLoader classLoader;
    private final List<String> folders;

    /**
     * @param schema the schema migrated
     * @param classLoader where the migration scripts are resources
     * @param folders the resource folders of the scripts, e.g. {@code db/migration/techzone}
     */
    InvalidIndexRepair(String schema, ClassLoader classLoader, List<String> folders) {
        this.schema = schema;
        this.classLoader = classLoader;
        this.folders = List.copyOf(folders);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        Set<String> indexes = migration == null ? Set.of() : concurrentIndexes(migration.getScript());
        if (indexes.isEmpty()) {
            return;
        }
        // Own autocommit connection: DROP INDEX CONCURRENTLY cannot run in a transaction block.
        try (Connection c = context.getConfiguration().getDataSource().getConnection()) {
            c.setAutoCommit(true);
            dropInvalid(c, schema, indexes);
        } catch (SQLException e) {
            throw new FlywayException("Could not drop the INVALID indexes left by an interrupted run of migration "
                    + migration.getVersion() + " in schema \"" + schema + "\" (" + indexes + "): " + e.getMessage(), e);
        }
    }

    /**
     * Drops (concurrently, each lock waiting at most 5 s) those of the named indexes of the schema that
     * are INVALID; valid and missing ones are left alone. Also for a Java migration that builds indexes
     * concurrently (V9), on its own connection.
     *
     * @param c a connection in autocommit mode: DROP INDEX CONCURRENTLY cannot run in a transaction block
     */
    static void dropInvalid(Connection c, String schema, Collection<String> indexes) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INVALID_INDEX)) {
            for (String index : indexes) {
                ps.setString(1, schema);
                ps.setString(2, index);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        drops.add(rs.getString(1));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            for (String drop : drops) {
                s.execute(drop);
            }
        }
    }

    /**
     * Deletes the failed runs from the history table, if it exists.
     *
     * @throws FlywayException if the server refuses
     */
    void forgetFailedRuns(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            String history;
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(format('%I.%I', ?::text, ?::text))::text")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    history = rs.getString(1);
                }
            }
            if (history != null) {
                try (Statement s = c.createStatement()) {
                    // Read first: a migrate that has nothing to forget needs no DELETE privilege.
                    boolean failed;
                    try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT FROM " + history + " WHERE NOT success)")) {
                        rs.next();
                        failed = rs.getBoolean(1);
                    }
                    if (failed) {
                        s.executeUpdate("DELETE FROM " + history + " WHERE NOT success");
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not clear the failed runs from the TechZone history table " + schema + "."
                    + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "techzone-invalid-index-repair";
    }

    /** Names of the indexes a script builds CONCURRENTLY, in the order they appear. */
    Set<String> concurrentIndexes(String script) {
        if (script == null || !script.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return Set.of();
        }
        String name = script.substring(script.replace('\\', '/').lastIndexOf('/') + 1);
        for (String folder : folders) {
            try (InputStream in = classLoader.getResourceAsStream(folder + "/" + name)) {
                if (in != null) {
                    Set<String> names = new LinkedHashSet<>();
                    Matcher m = CONCURRENT_INDEX.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                    return names;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read migration script " + folder + "/" + name, e);
            }
        }
        return Set.of();
    }
}
