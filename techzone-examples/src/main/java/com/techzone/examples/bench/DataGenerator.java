package com.techzone.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Fills a freshly migrated TechZone database with a realistic, skewed and consistent data set,
 * generated inside the server ({@code INSERT ... SELECT generate_series}, staging in temporary
 * tables), so no row crosses the network.
 *
 * <p>What "consistent" means is what {@link DataInvariants} checks: stock equals the ledger's sum,
 * order totals add up, status histories are valid paths, daily sales reports match the orders and
 * active bookings never overlap. Ids are {@code md5('<kind>:<n>')::uuid}, so a given scale always
 * names the same rows; values are drawn with a fixed seed ({@code setseed}).
 *
 * <p>Each step's SQL is a resource under {@code com/techzone/examples/bench/generate/}, named after
 * the table it loads, its first lines a comment on what it makes.
 *
 * <p>Loading is done the way {@code pg_restore} does it: the plain {@code idx_} indexes are dropped
 * first and rebuilt, with their exact definitions, after the data is in (primary keys, unique and
 * exclusion constraints stay); and when the user is a superuser, foreign-key triggers are skipped
 * ({@code session_replication_role = replica}), so {@link DataInvariants} checks every foreign key
 * instead. The rebuild is part of the reported load time.
 */
public final class DataGenerator {

    /** Tables in load order (foreign keys point backwards); each has a {@code <table>.sql} step. */
    static final List<String> TABLES = List.of("categories", "users", "products", "inventory_logs", "services",
            "orders", "order_items", "order_status_history", "reviews", "bookings", "contacts", "cart_items",
            "sales_reports");

    /** The name of the load entry that times the index rebuild (0 rows). */
    public static final String INDEXES = "(idx_ indexes rebuilt)";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    private final DataSizes sizes;
    private final Progress progress;

    /** A generator for the given sizes, reporting each table on the progress line. */
    public DataGenerator(DataSizes sizes, Progress progress) {
        this.sizes = sizes;
        this.progress = progress;
    }

    /**
     * Loads every table, then runs {@code VACUUM ANALYZE} so plans and index-only scans see the
     * data as a settled shop would.
     *
     * @param dataSource a migrated TechZone database whose tables are empty
     * @throws IllegalStateException if a table already holds rows
     * @throws SQLException if the server refuses a step (the message names the table)
     */
    public GeneratedData generate(DataSource dataSource) throws SQLException {
        List<TableLoad> loads = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            requireEmpty(s);
            s.execute("SET temp_buffers = '256MB'");
            s.execute("SET work_mem = '256MB'");
            s.execute("SELECT setseed(0.42)");
            boolean superuser = single(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            if (superuser) {
                s.execute("SET session_replication_role = replica");
            }
            List<String> indexes = dropIndexes(s);
            for (String table : TABLES) {
                progress.update("generating " + table + "...");
                long start = System.nanoTime();
                try {
                    for (String sql : statements(table)) {
                        s.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new SQLException("Generating " + table + " failed: " + e.getMessage(), e.getSQLState(), e);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                TableLoad load = new TableLoad(table, count(s, table), millis);
                loads.add(load);
                progress.update(String.format(java.util.Locale.ROOT, "generated %s: %,d rows in %.1f s",
                        table, load.rows(), millis / 1000.0));
            }
            progress.update("rebuilding " + indexes.size() + " idx_ indexes...");
            long rebuild = System.nanoTime();
            for (String index : indexes) {
                s.execute(index);
            }
            loads.add(new TableLoad(INDEXES, 0, (System.nanoTime() - rebuild) / 1_000_000));
            if (superuser) {
                s.execute("RESET session_replication_role");
            }
            progress.update("VACUUM ANALYZE...");
            long start = System.nanoTime();
            s.execute("VACUUM ANALYZE");
            long vacuumMillis = (System.nanoTime() - start) / 1_000_000;
            GeneratedData data = new GeneratedData(sizes, loads, vacuumMillis);
            progress.done(String.format(java.util.Locale.ROOT, "generated %,d rows in %.1f s (%,.0f rows/s), vacuum %.1f s",
                    data.totalRows(), data.totalMillis() / 1000.0, data.rowsPerSecond(), vacuumMillis / 1000.0));
            return data;
        }
    }

    /** Drops the plain idx_ indexes of the current schema and returns the statements that rebuild them. */
    private static List<String> dropIndexes(Statement s) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                SELECT pg_get_indexdef(i.oid), format('DROP INDEX %I.%I', n.nspname, i.relname)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
                WHERE n.nspname = current_schema() AND i.relname LIKE 'idx\\_%'
                  AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.oid)
                ORDER BY i.relname""")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
                drops.add(rs.getString(2));
            }
        }
        for (String drop : drops) {
            s.execute(drop);
        }
        return definitions;
    }

    private static boolean single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void requireEmpty(Statement s) throws SQLException {
        for (String table : TABLES) {
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT FROM " + table + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("The data generator needs empty tables, but " + table
                            + " holds rows: generate into a freshly migrated database");
                }
            }
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The statements of one table's step, placeholders filled in. */
    List<String> statements(String table) {
        String script = fill(resource("generate/" + table + ".sql"), sizes.placeholders());
        List<String> statements = new ArrayList<>();
        for (String part : script.split(";\\s*\\n")) {
            String sql = part.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!sql.isEmpty()) {
                statements.add(sql);
            }
        }
        return statements;
    }

    static String fill(String sql, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder ${" + m.group(1) + "} in the generator's SQL");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String resource(String name) {
        try (InputStream in = DataGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + DataGenerator.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
