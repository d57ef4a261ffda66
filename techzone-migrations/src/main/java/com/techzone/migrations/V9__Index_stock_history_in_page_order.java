package com.techzone.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V9: {@code idx_inventory_logs_product_date} (same name, the report's index for a product's stock
 * history) becomes {@code (product_id, created_at, coalesce(seq, 0), id)}, the whole order of a
 * stock-history page ({@code InventoryLogDao.history}: newest first, {@code seq} and then {@code id}
 * breaking ties). The old {@code (product_id, created_at)} could not return that order, so the server
 * read and sorted every ledger row of the product for each page (28 ms for a product with 9,800 rows at
 * scale 1; 0.28 ms with this index). It is still the old index's prefix, so the report's own
 * {@code ORDER BY created_at DESC LIMIT 50} is served as before.
 *
 * <p>Live-safe, and rerunnable after an interruption at any step (a finished run is recognised by the
 * index's definition):
 * <ul>
 *   <li>a plain ledger: the new index is built {@code CONCURRENTLY} under a temporary name, the old one
 *       dropped {@code CONCURRENTLY}, and the new one renamed, as V6 does;</li>
 *   <li>a ledger partitioned by {@link LedgerPartitioning} (PostgreSQL cannot build an index on a
 *       partitioned table concurrently): the new index is created {@code ON ONLY} the parent (instant,
 *       not yet valid), built {@code CONCURRENTLY} on each partition and attached; it becomes valid with
 *       the last attach. The old partitioned index is then dropped with a plain {@code DROP INDEX}: the
 *       one step that takes an {@code ACCESS EXCLUSIVE} lock on the ledger, for the time of a catalog
 *       change, bounded by {@code lock_timeout}.</li>
 * </ul>
 * An INVALID index left by a cancelled or killed build is dropped ({@link InvalidIndexRepair#dropInvalid})
 * and built again. A Java migration only
 * because a SQL script cannot choose between the two layouts; its statements are below as written.
 */
final class V9__Index_stock_history_in_page_order extends BaseJavaMigration {

    static final String INDEX = "idx_inventory_logs_product_date";
    static final String BUILDING = "idx_inventory_logs_product_history";
    static final String KEY = "(product_id, created_at, (coalesce(seq, 0)), id)";

    private final String schema;

    /** @param schema the schema migrated, already checked by {@link Identifiers#require} */
    V9__Index_stock_history_in_page_order(String schema) {
        this.schema = schema;
    }

    /**
     * The key's hash ({@link String#hashCode()} is fixed by the JDK): like a script's checksum, it changes
     * when the index this migration builds changes, and Flyway's validate reports it.
     */
    @Override
    public Integer getChecksum() {
        return KEY.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            s.execute("SET statement_timeout = 0");
            try {
                if (!isDone(c)) {
                    rebuild(c, s);
                }
            } catch (SQLException | RuntimeException e) {
                try {
                    reset(s);
                } catch (SQLException resetFailed) {
                    e.addSuppressed(resetFailed);   // e.g. the backend was killed: the first error is the one to see
                }
                throw e;
            }
            reset(s);
        }
    }

    /** The session's timeouts back to their defaults: a pooled connection goes back to the host's pool. */
    private static void reset(Statement s) throws SQLException {
        s.execute("RESET lock_timeout");
        s.execute("RESET statement_timeout");
    }

    private void rebuild(Connection c, Statement s) throws SQLException {
        String ledger = qualified("inventory_logs");
        if (relkind(c, "inventory_logs") == 'p') {
            s.execute("CREATE INDEX IF NOT EXISTS " + BUILDING + " ON ONLY " + ledger + " " + KEY);
            for (String partition : partitions(c)) {
                String index = partition + "_product_history";
                InvalidIndexRepair.dropInvalid(c, schema, List.of(index));
                s.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON " + qualified(partition) + " " + KEY);
                if (!isAttached(c, index)) {
                    s.execute("ALTER INDEX " + qualified(BUILDING) + " ATTACH PARTITION " + qualified(index));
                }
            }
            s.execute("DROP INDEX IF EXISTS " + qualified(INDEX));
        } else {
            InvalidIndexRepair.dropInvalid(c, schema, List.of(BUILDING));
            s.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + BUILDING + " ON " + ledger + " " + KEY);
            s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified(INDEX));
        }
        s.execute("ALTER INDEX " + qualified(BUILDING) + " RENAME TO " + INDEX);
    }

    private boolean isDone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT pg_get_indexdef(c.oid) LIKE '%COALESCE(seq%'
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ?""")) {
            ps.setString(1, schema);
            ps.setString(2, INDEX);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private char relkind(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ?""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("table " + schema + "." + table + " is missing");
                }
                return rs.getString(1).charAt(0);
            }
        }
    }

    /** The ledger's partitions, by name. */
    private List<String> partitions(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT child.relname
                FROM pg_inherits i
                JOIN pg_class parent ON parent.oid = i.inhparent
                JOIN pg_namespace n ON n.oid = parent.relnamespace
                JOIN pg_class child ON child.oid = i.inhrelid
                WHERE n.nspname = ? AND parent.relname = 'inventory_logs'
                ORDER BY child.relname""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private boolean isAttached(Connection c, String index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (
                    SELECT FROM pg_inherits i
                    JOIN pg_class child ON child.oid = i.inhrelid
                    JOIN pg_class parent ON parent.oid = i.inhparent
                    JOIN pg_namespace n ON n.oid = child.relnamespace
                    WHERE n.nspname = ? AND child.relname = ? AND parent.relname = ?)""")) {
            ps.setString(1, schema);
            ps.setString(2, index);
            ps.setString(3, BUILDING);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private String qualified(String name) {
        return schema + "." + name;
    }
}
