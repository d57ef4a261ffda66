package com.techzone.migrations;

import com.techzone.migrations.LedgerPartitioning.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of {@link LedgerPartitioning} on one autocommit connection. Every step checks the catalog
 * first, so a call that was interrupted anywhere is resumed by the next one.
 */
final class LedgerConversion {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String DEADLOCK = "40P01";
    private static final String CHECK_VIOLATION = "23514";

    /** A partition bound as pg_get_expr prints it with TimeZone UTC and DateStyle ISO. */
    private static final Pattern BOUND = Pattern.compile("FROM \\((MINVALUE|'[^']+')\\) TO \\((MAXVALUE|'[^']+')\\)");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd().appendPattern("X").toFormatter();
    private static final DateTimeFormatter MONTH_SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private static final String COLUMNS = """
            SELECT string_agg(a.attname || ' ' || t.typname, ', ' ORDER BY a.attnum)
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped""";

    private static final String COPY_GRANTS = """
            SELECT format('GRANT %s ON %s TO %s', a.privilege_type, ?::text,
                          CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END)
            FROM pg_class c
            CROSS JOIN LATERAL aclexplode(c.relacl) a
            LEFT JOIN pg_roles r ON r.oid = a.grantee
            WHERE c.oid = to_regclass(?) AND a.grantee <> c.relowner""";

    private static final String PARTITION_BOUNDS = """
            SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = to_regclass(?)""";

    private final Connection c;
    private final String schema;
    private final String historyTable;
    private final Duration lockTimeout;
    private final int attempts;
    private final List<String> created = new ArrayList<>();
    /** Partitions refused for their rows or name; the other months and ledgers are still done. */
    private final List<LedgerPartitioningException> refused = new ArrayList<>();
    private long longestLockNanos;
    private int retries;

    LedgerConversion(Connection c, String schema, String historyTable, Duration lockTimeout, int attempts) {
        this.c = c;
        this.schema = schema;
        this.historyTable = historyTable;
        this.lockTimeout = lockTimeout;
        this.attempts = attempts;
    }

    List<LedgerPartitioningException> refused() {
        return refused;
    }

    List<String> created() {
        return List.copyOf(created);
    }

    Duration longestLock() {
        return Duration.ofNanos(longestLockNanos);
    }

    int retries() {
        return retries;
    }

    OffsetDateTime now() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    boolean isPartitioned(Ledger ledger) throws SQLException {
        String kind = text("SELECT relkind::text FROM pg_class WHERE oid = to_regclass(?)", qualified(ledger.table()));
        if (kind == null) {
            throw refusal("NOT_MIGRATED", "The table " + qualified(ledger.table()) + " does not exist: migrate the "
                    + "schema to version " + LedgerPartitioning.MINIMUM_VERSION + " or newer first "
                    + "(TechzoneMigrations.configure(dataSource).schema(\"" + schema + "\").load().migrate())");
        }
        return kind.equals("p");
    }

    /** The history's newest successful version must be at least the minimum. */
    void requireMigrated() throws SQLException {
        String history = qualified(historyTable);
        String version = null;
        if (text("SELECT to_regclass(?)::text", history) != null) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM " + history + " WHERE success AND version IS NOT NULL")) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (version == null || compareVersions(v, version) > 0) {
                        version = v;
                    }
                }
            }
        }
        if (version == null || compareVersions(version, LedgerPartitioning.MINIMUM_VERSION) < 0) {
            throw refusal("NOT_MIGRATED", "The ledgers of schema \"" + schema + "\" are partitioned from TechZone version "
                    + LedgerPartitioning.MINIMUM_VERSION + " on; the schema is at " + (version == null
                    ? "no version (no history table " + history + ")" : "version " + version)
                    + ". Migrate first: TechzoneMigrations.configure(dataSource).schema(\"" + schema + "\").load().migrate(). "
                    + "Nothing was changed");
        }
    }

    void requireColumns(Ledger ledger) throws SQLException {
        String found = text(COLUMNS, qualified(ledger.table()));
        String expected = String.join(", ", ledger.columns());
        if (!expected.equals(found)) {
            throw refusal("UNEXPECTED_LAYOUT", "The table " + qualified(ledger.table()) + " has the columns [" + found
                    + "]; the migrations made [" + expected + "]. Its partitioned copy would differ, so it is not "
                    + "converted. Nothing was changed");
        }
    }

    void convert(Ledger ledger, String parentDdl) throws SQLException {
        String t = ledger.table();
        YearMonth bound = ensureBound(ledger);
        String constraint = boundConstraint(t, bound);
        if (!Boolean.parseBoolean(text("SELECT convalidated::text FROM pg_constraint WHERE conrelid = to_regclass(?) "
                + "AND conname = ?", qualified(t), constraint))) {
            locked("validate " + constraint, List.of(), false,
                    s -> s.execute("ALTER TABLE " + qualified(t) + " VALIDATE CONSTRAINT " + constraint));
        }
        String uniqueIndex = t + "_p_legacy_pkey";
        String valid = text("SELECT i.indisvalid::text FROM pg_index i WHERE i.indexrelid = to_regclass(?)", qualified(uniqueIndex));
        try (Statement s = c.createStatement()) {
            if ("false".equals(valid)) { // left INVALID by an interrupted build
                s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified(uniqueIndex));
            }
            if (!"true".equals(valid)) {
                s.execute("CREATE UNIQUE INDEX CONCURRENTLY " + uniqueIndex + " ON " + qualified(t) + " (id, created_at)");
            }
        }
        if (text("SELECT to_regclass(?)::text", qualified(t + "_p_new")) == null) {
            locked("create the partitioned parent of " + t,
                    List.of("LOCK TABLE " + qualified(ledger.referenced()) + " IN SHARE ROW EXCLUSIVE MODE"), true,
                    s -> {
                        s.execute(parentDdl);
                        giveToOwnerOf(s, t, t + "_p_new");
                    });
        }
        locked("switch " + t + " to the partitioned parent",
                List.of("LOCK TABLE " + qualified(ledger.referenced()) + " IN ACCESS EXCLUSIVE MODE",
                        "LOCK TABLE " + qualified(t) + " IN ACCESS EXCLUSIVE MODE"), true, s -> {
                    String legacy = t + "_p_legacy";
                    s.execute("ALTER TABLE " + qualified(t) + " DROP CONSTRAINT pk_" + t);
                    s.execute("ALTER TABLE " + qualified(t) + " ADD CONSTRAINT " + uniqueIndex
                            + " PRIMARY KEY USING INDEX " + uniqueIndex);
                    for (String key : ledger.indexKeys()) {
                        s.execute("ALTER INDEX " + qualified("idx_" + t + "_" + key) + " RENAME TO " + legacy + "_" + key);
                    }
                    s.execute("ALTER TABLE " + qualified(t) + " RENAME TO " + legacy);
                    s.execute("ALTER TABLE " + qualified(t + "_p_new") + " RENAME TO " + t);
                    s.execute("ALTER TABLE " + qualified(t) + " RENAME CONSTRAINT " + t + "_p_new_pkey TO pk_" + t);
                    for (String key : ledger.indexKeys()) {
                        s.execute("ALTER INDEX " + qualified(t + "_p_new_" + key) + " RENAME TO idx_" + t + "_" + key);
                    }
                    s.execute("ALTER TABLE " + qualified(t) + " ATTACH PARTITION " + qualified(legacy)
                            + " FOR VALUES FROM (MINVALUE) TO (" + literal(bound) + ")");
                    s.execute("ALTER SEQUENCE " + qualified(t + "_seq") + " OWNED BY " + qualified(t) + ".seq");
                    copyGrants(s, legacy, t);
                });
    }

    /** Creates the month partitions of [from, to] that no partition covers yet. */
    void createMonths(Ledger ledger, YearMonth from, YearMonth to) throws SQLException {
        List<OffsetDateTime[]> ranges = ranges(ledger.table());
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            OffsetDateTime lo = start(month);
            OffsetDateTime hi = start(month.plusMonths(1));
            boolean covered = ranges.stream().anyMatch(r -> (r[0] == null || r[0].isBefore(hi)) && (r[1] == null || r[1].isAfter(lo)));
            if (!covered) {
                String partition = ledger.table() + "_p" + MONTH_SUFFIX.format(month);
                String bound = "FOR VALUES FROM (" + literal(month) + ") TO (" + literal(month.plusMonths(1)) + ")";
                attach(ledger, partition, bound, month.toString());
            }
        }
    }

    /**
     * ANALYZE of a partitioned ledger: the planner's statistics of the parent as a whole (what it
     * estimates a join or a GROUP BY over all months with) come only from an ANALYZE of the parent,
     * which autovacuum never runs on a partitioned table (PostgreSQL docs, "Routine Vacuuming", the
     * autovacuum daemon). It samples; reads and writes go on (SHARE UPDATE EXCLUSIVE).
     */
    void analyze(Ledger ledger) throws SQLException {
        locked("analyze " + ledger.table(), List.of(), false, s -> s.execute("ANALYZE " + qualified(ledger.table())));
    }

    /** Whether the partitioned ledger has statistics of its own, as a whole (ANALYZE of the parent). */
    boolean hasStatistics(Ledger ledger) throws SQLException {
        return Boolean.parseBoolean(text("SELECT EXISTS (SELECT FROM pg_stats WHERE schemaname = ? AND tablename = ? "
                + "AND inherited)::text", schema, ledger.table()));
    }

    void ensureDefault(Ledger ledger) throws SQLException {
        boolean present = Boolean.parseBoolean(text("""
                SELECT EXISTS (SELECT FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                               WHERE i.inhparent = to_regclass(?) AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT')::text""",
                qualified(ledger.table())));
        if (!present) {
            attach(ledger, ledger.table() + "_p_default", "DEFAULT", "DEFAULT");
        }
    }

    /**
     * Gives the ledger the partition: its detached table attached again if one has the name, else a new
     * one. A refusal (DEFAULT_PARTITION_ROWS, PARTITION_NAME_TAKEN) concerns this partition only: it is
     * kept for the end of the call, and the later months and the other ledger go on.
     */
    private void attach(Ledger ledger, String partition, String bound, String what) throws SQLException {
        try {
            if (text("SELECT to_regclass(?)::text", qualified(partition)) != null) {
                reattach(ledger, partition, bound, what);
            } else {
                attachNew(ledger, partition, bound, what);
            }
        } catch (LedgerPartitioningException e) {
            refused.add(e);
        }
    }

    /**
     * A table with the partition's name exists but is not attached: a month's partition detached (by
     * hand, or by an archiving step run on the wrong month), or the default partition detached to move
     * its rows (docs/schema.md). It is attached again, which checks its rows against the range (for the
     * default: that no attached partition takes them); if that is refused, nothing is changed and the
     * error names the table.
     */
    private void reattach(Ledger ledger, String partition, String bound, String what) throws SQLException {
        String t = ledger.table();
        try {
            locked("attach partition " + partition,
                    List.of("LOCK TABLE " + qualified(ledger.referenced()) + " IN SHARE ROW EXCLUSIVE MODE"), true,
                    s -> s.execute("ALTER TABLE " + qualified(t) + " ATTACH PARTITION " + qualified(partition) + " " + bound));
        } catch (SQLException e) {
            String advice = "DEFAULT".equals(bound)
                    ? "If it holds rows that months now have partitions for, move them first (docs/schema.md, \"Rows in the "
                            + "default partition\"); or attach it by hand, or rename or drop it, then call again"
                    : "Attach it by hand, or rename or drop it, then call again";
            String missing = "DEFAULT".equals(bound) ? "No default partition of " + qualified(t) + " is attached"
                    : "No partition of " + qualified(t) + " covers " + what;
            throw new LedgerPartitioningException(missing + ", and the table " + qualified(partition)
                    + " that has that partition's name (detached?) could not be attached for it: " + e.getMessage() + ". "
                    + advice + ". Nothing was changed for " + what,
                    "PARTITION_NAME_TAKEN", e, e.getSQLState());
        }
        created.add(partition);
    }

    private void attachNew(Ledger ledger, String partition, String bound, String what) throws SQLException {
        String t = ledger.table();
        try {
            locked("create partition " + partition,
                    List.of("LOCK TABLE " + qualified(ledger.referenced()) + " IN SHARE ROW EXCLUSIVE MODE"), true, s -> {
                        s.execute("CREATE TABLE " + qualified(partition) + " (LIKE " + qualified(t)
                                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                        giveToOwnerOf(s, t, partition);
                        s.execute("ALTER TABLE " + qualified(t) + " ATTACH PARTITION " + qualified(partition) + " " + bound);
                        copyGrants(s, t, partition);
                    });
        } catch (SQLException e) {
            if (CHECK_VIOLATION.equals(e.getSQLState())) {
                throw new LedgerPartitioningException("The default partition " + qualified(t + "_p_default") + " holds rows of "
                        + what + ", which is to get its own partition " + partition + ": move them first (docs/schema.md, "
                        + "\"Rows in the default partition\"). No partition was created for " + what,
                        "DEFAULT_PARTITION_ROWS", e, e.getSQLState());
            }
            throw e;
        }
        created.add(partition);
    }

    /** The validated-or-not bound constraint of a plain ledger, added if missing or too close to now. */
    private YearMonth ensureBound(Ledger ledger) throws SQLException {
        String t = ledger.table();
        OffsetDateTime now = now();
        YearMonth wanted = YearMonth.from(now.plusDays(1).withOffsetSameInstant(ZoneOffset.UTC)).plusMonths(1);
        String existing = text("SELECT max(conname) FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname LIKE ?",
                qualified(t), "chk_" + t + "_before_%");
        if (existing != null) {
            YearMonth bound = YearMonth.parse(existing.substring(existing.length() - 7), MONTH_SUFFIX);
            if (start(bound).isAfter(now.plusDays(1))) {
                return bound;
            }
        }
        locked("add " + boundConstraint(t, wanted), List.of("LOCK TABLE " + qualified(t) + " IN ACCESS EXCLUSIVE MODE"), true, s -> {
            if (existing != null) { // an interrupted conversion's bound, about to be reached by new rows
                s.execute("ALTER TABLE " + qualified(t) + " DROP CONSTRAINT " + existing);
            }
            s.execute("ALTER TABLE " + qualified(t) + " ADD CONSTRAINT " + boundConstraint(t, wanted)
                    + " CHECK (created_at < " + literal(wanted) + ") NOT VALID");
        });
        return wanted;
    }

    private List<OffsetDateTime[]> ranges(String table) throws SQLException {
        List<OffsetDateTime[]> ranges = new ArrayList<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL TimeZone = 'UTC'");
            s.execute("SET LOCAL DateStyle = 'ISO'");
            try (PreparedStatement ps = c.prepareStatement(PARTITION_BOUNDS)) {
                ps.setString(1, qualified(table));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Matcher m = BOUND.matcher(rs.getString(2));
                        if (m.find()) {
                            ranges.add(new OffsetDateTime[] {time(m.group(1)), time(m.group(2))});
                        }
                    }
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return ranges;
    }

    private static OffsetDateTime time(String bound) {
        return bound.startsWith("'") ? OffsetDateTime.parse(bound.substring(1, bound.length() - 1), TIMESTAMP) : null;
    }

    /**
     * Makes the ledger's owner (the role that migrates) own a table this created, when another role (a
     * superuser) runs the conversion: so the migrations can still alter it, and the {@code seq} sequence,
     * which must have its table's owner, can move to it. A no-op when the owner runs it.
     */
    private void giveToOwnerOf(Statement s, String owned, String created) throws SQLException {
        String owner = text("SELECT quote_ident(pg_get_userbyid(relowner)) FROM pg_class WHERE oid = to_regclass(?)", qualified(owned));
        s.execute("ALTER TABLE " + qualified(created) + " OWNER TO " + owner);
    }

    private void copyGrants(Statement s, String from, String to) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COPY_GRANTS)) {
            ps.setString(1, qualified(to));
            ps.setString(2, qualified(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add(rs.getString(1));
                }
            }
        }
        for (String grant : grants) {
            s.execute(grant);
        }
    }

    /** The work of one locking step: runs after its LOCK statements, in their transaction. */
    interface Work {
        void run(Statement s) throws SQLException;
    }

    /**
     * Runs one short transaction with lock_timeout: the LOCK statements, then the work, then commit;
     * retried on a lock timeout or as a deadlock victim. When {@code measured}, the time from the locks
     * granted to the commit counts for {@link #longestLock()}.
     *
     * <p>A step that takes two locks can close a cycle with a session that holds one and waits for the
     * other: a statement whose cached plan locks the ledger before {@code products}, a checkout that locked
     * its products before writing the ledger. Whoever runs PostgreSQL's deadlock check first (the one that
     * waited deadlock_timeout first) loses its transaction. So each of the two locks waits at most 40% of
     * deadlock_timeout: the step gives up (and retries) before the other session's check can run, and the
     * shop's statement is never the victim. As the shop's sessions take the two in either order, each
     * retry takes them in the other order than the attempt before.
     */
    private void locked(String what, List<String> locks, boolean measured, Work work) throws SQLException {
        long lockWaitMillis = locks.size() > 1
                ? Math.max(1, Math.min(lockTimeout.toMillis(), deadlockTimeoutMillis() * 2 / 5)) : lockTimeout.toMillis();
        for (int attempt = 1; ; attempt++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + lockWaitMillis + "ms'");
                List<String> ordered = new ArrayList<>(locks);
                if (attempt % 2 == 0) {
                    Collections.reverse(ordered);
                }
                for (String lock : ordered) {
                    s.execute(lock);
                }
                s.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
                long granted = System.nanoTime();
                work.run(s);
                c.commit();
                if (measured) {
                    longestLockNanos = Math.max(longestLockNanos, System.nanoTime() - granted);
                }
                return;
            } catch (SQLException e) {
                c.rollback();
                boolean retry = LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState());
                if (!retry) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new LedgerPartitioningException("Could not " + what + " in schema \"" + schema + "\": no lock within "
                            + lockWaitMillis + " ms on " + attempts + " attempts (a long transaction holds the table?). "
                            + "The steps done so far are kept; call again later", "LOCK_TIMEOUT", e, e.getSQLState());
                }
                retries++;
                pause(attempt);
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private long deadlockTimeoutMillis() throws SQLException {
        String millis = text("SELECT (extract(epoch FROM current_setting('deadlock_timeout')::interval) * 1000)::bigint::text");
        return millis == null ? 1000 : Long.parseLong(millis);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 100L * attempt)); // back off, so the transactions that waited on us finish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerPartitioningException("Interrupted while waiting to retry a lock", "LOCK_TIMEOUT", e, null);
        }
    }

    private String text(String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String qualified(String name) {
        return schema + "." + name;
    }

    private static String boundConstraint(String table, YearMonth bound) {
        return "chk_" + table + "_before_" + MONTH_SUFFIX.format(bound);
    }

    private static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static String literal(YearMonth month) {
        return "'" + month.atDay(1) + " 00:00:00+00'";
    }

    private LedgerPartitioningException refusal(String code, String message) {
        return new LedgerPartitioningException(message, code, null, null);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
