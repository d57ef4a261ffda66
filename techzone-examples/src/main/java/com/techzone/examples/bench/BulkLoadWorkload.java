package com.techzone.examples.bench;

import com.techzone.examples.bench.Interleaved.Comparison;
import com.techzone.examples.bench.Interleaved.Outcome;
import com.techzone.examples.bench.ResultTable.Column;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code bulk-load}: the same stock-ledger rows loaded with COPY (pgjdbc's CopyManager), with
 * batched INSERTs ({@code reWriteBatchedInserts=true}, 1,000 rows a batch) and, as the bound COPY
 * is held against, server-side ({@code INSERT ... SELECT} from an unlogged staging table holding
 * the same rows, so no row crosses the wire), one committed transaction per trial, interleaved.
 * The target table is a copy of {@code inventory_logs} with its indexes, checks and foreign key
 * ({@value #TABLE}), emptied before each trial (not timed); it and the staging table are dropped
 * at the end, so the data set is left as it was.
 */
final class BulkLoadWorkload implements Workload {

    static final String TABLE = "bench_bulk_inventory_logs";
    /** The same rows, staged once (not timed) for the server-side insert. */
    static final String STAGE = "bench_bulk_stage";
    static final int BATCH = 1_000;
    /** The project's target (issue 12): COPY's rows/s at least this share of the server-side insert's, into the same table. */
    static final double TARGET_VS_SERVER_SIDE = 0.9;

    private static final String COLUMNS = "product_id, change, reason, stock_after, note, created_at";

    /** One ledger row to load; {@code id} is a time-ordered UUIDv7, used only by the "client ids" variants. */
    record LedgerRow(UUID id, UUID productId, int change, String reason, int stockAfter, String note,
                     OffsetDateTime createdAt) {
    }

    @Override
    public String name() {
        return "bulk-load";
    }

    @Override
    public String description() {
        return "COPY vs batched INSERT of the same rows into an indexed table: rows/s";
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        int n = context.options().bulkRows();
        PGSimpleDataSource dataSource = context.server().dataSource(context.database());
        dataSource.setReWriteBatchedInserts(true);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                s.execute("DROP TABLE IF EXISTS " + STAGE);
                s.execute("CREATE TABLE " + TABLE + " (LIKE inventory_logs INCLUDING ALL)");
                s.execute("CREATE UNLOGGED TABLE " + STAGE + " (id uuid, " + COLUMNS.replace(", ", " text, ") + " text)");
                s.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT fk_" + TABLE + "_product_id "
                        + "FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT");
            }
            try {
                List<LedgerRow> rows = rows(c, n);
                stage(c, rows);
                c.setAutoCommit(false);
                List<Outcome> outcomes = Interleaved.run(List.of(
                                new Comparison("server_ids", () -> trial(c, () -> copy(c, rows, false)),
                                        () -> trial(c, () -> insert(c, rows, false))),
                                new Comparison("client_uuidv7_ids", () -> trial(c, () -> copy(c, rows, true)),
                                        () -> trial(c, () -> insert(c, rows, true))),
                                new Comparison("server_ids_bound", () -> trial(c, () -> copy(c, rows, false)),
                                        () -> trial(c, () -> insertSelect(c, false))),
                                new Comparison("client_uuidv7_ids_bound", () -> trial(c, () -> copy(c, rows, true)),
                                        () -> trial(c, () -> insertSelect(c, true)))),
                        context.options().warmup(), context.options().iterations(), context.progress(), "bulk-load");
                long loaded = count(c);
                c.setAutoCommit(true);
                if (loaded != n) {
                    throw new IllegalStateException("bulk-load: expected " + n + " rows after a trial, found " + loaded);
                }
                context.progress().done("bulk-load: " + n + " rows per trial measured");
                ResultTable.Builder table = ResultTable.builder("load", "Loading " + n + " rows into an indexed copy of inventory_logs",
                        new Column("method", "method"), new Column("ids", "ids"), new Column("rows", "rows"),
                        new Column("median_ms", "median (ms)"), new Column("p95_ms", "p95 (ms)"),
                        new Column("rows_per_second", "rows/s (median)"), new Column("vs_insert", "vs batched INSERT (x)"),
                        new Column("vs_server_side", "vs server-side INSERT ... SELECT (x)"),
                        new Column("target_vs_server_side", "target (x)"), new Column("target_met", "target met"));
                for (int i = 0; i < 2; i++) {
                    Outcome o = outcomes.get(i);
                    // The bound: COPY against the server-side insert, adjacent in the same rounds.
                    Outcome bound = outcomes.get(i + 2);
                    double copyRate = n / (o.a().medianNanos() / 1e9);
                    double insertRate = n / (o.b().medianNanos() / 1e9);
                    double serverSideRate = n / (bound.b().medianNanos() / 1e9);
                    double vsServerSide = bound.b().medianNanos() / bound.a().medianNanos();
                    table.row("method", "copy", "ids", o.name(), "rows", (long) n, "median_ms", o.a().medianMillis(),
                                    "p95_ms", o.a().p95Millis(), "rows_per_second", copyRate, "vs_insert", copyRate / insertRate,
                                    "vs_server_side", vsServerSide, "target_vs_server_side", TARGET_VS_SERVER_SIDE,
                                    "target_met", vsServerSide >= TARGET_VS_SERVER_SIDE)
                            .row("method", "batched_insert", "ids", o.name(), "rows", (long) n,
                                    "median_ms", o.b().medianMillis(), "p95_ms", o.b().p95Millis(),
                                    "rows_per_second", insertRate, "vs_insert", 1.0)
                            .row("method", "server_insert_select", "ids", o.name(), "rows", (long) n,
                                    "median_ms", bound.b().medianMillis(), "p95_ms", bound.b().p95Millis(),
                                    "rows_per_second", serverSideRate, "vs_insert", serverSideRate / insertRate);
                }
                return new WorkloadResult(name(), "COPY vs batched INSERT into an indexed table", List.of(table.build()),
                        List.of("table: " + TABLE + " = inventory_logs' columns, checks, defaults, 3 indexes "
                                        + "(primary key, the stock-history index product_id + created_at + seq + id, created_at) and its foreign key to products; "
                                        + "emptied (TRUNCATE, not timed) before each trial",
                                "each trial loads the same rows in one transaction and commits; ids: server_ids = the "
                                        + "column default gen_random_uuid() (random, scattered over the primary key), "
                                        + "client_uuidv7_ids = time-ordered UUIDv7 sent by the client (appended to the primary key)",
                                "batched INSERT: PreparedStatement, addBatch, executeBatch every " + BATCH
                                        + " rows, reWriteBatchedInserts=true",
                                "server_insert_select (the bound): INSERT INTO " + TABLE + " SELECT ... FROM " + STAGE
                                        + ", an unlogged table holding the same rows as text, staged once untimed; what the "
                                        + "server needs to insert them with no client and no wire protocol. vs server-side = "
                                        + "its median time / COPY's median time, both measured in the same rounds (COPY runs "
                                        + "twice a round: against batched INSERT and against this bound); target: COPY >= "
                                        + TARGET_VS_SERVER_SIDE + "x of it"));
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + TABLE);
                    s.execute("DROP TABLE IF EXISTS " + STAGE);
                }
            }
        }
    }

    private static long trial(Connection c, Interleaved.Action load) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + TABLE);
        }
        c.commit();
        long start = System.nanoTime();
        load.run();
        c.commit();
        return System.nanoTime() - start;
    }

    private static void copy(Connection c, List<LedgerRow> rows, boolean withIds) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + TABLE + " (" + (withIds ? "id, " : "") + COLUMNS + ") FROM STDIN (FORMAT text)");
        try {
            StringBuilder buffer = new StringBuilder(1 << 17);
            for (LedgerRow r : rows) {
                if (withIds) {
                    buffer.append(r.id()).append('\t');
                }
                buffer.append(r.productId()).append('\t').append(r.change()).append('\t').append(r.reason()).append('\t')
                        .append(r.stockAfter()).append('\t').append(r.note() == null ? "\\N" : r.note()).append('\t')
                        .append(r.createdAt()).append('\n');
                if (buffer.length() >= 1 << 16) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Stages the rows as text (the form COPY sends them in), so the server-side insert parses the
     * same values COPY does; committed, not timed.
     */
    private static void stage(Connection c, List<LedgerRow> rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + STAGE + " (id, " + COLUMNS + ") FROM STDIN (FORMAT text)");
        try {
            StringBuilder buffer = new StringBuilder(1 << 17);
            for (LedgerRow r : rows) {
                buffer.append(r.id()).append('\t').append(r.productId()).append('\t').append(r.change()).append('\t')
                        .append(r.reason()).append('\t').append(r.stockAfter()).append('\t')
                        .append(r.note() == null ? "\\N" : r.note()).append('\t').append(r.createdAt()).append('\n');
                if (buffer.length() >= 1 << 16) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The bound: the staged rows inserted by the server, cast from text as COPY's input functions would. */
    private static void insertSelect(Connection c, boolean withIds) throws SQLException {
        String select = "product_id::uuid, change::int, reason, stock_after::int, note, created_at::timestamptz";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + TABLE + " (" + (withIds ? "id, " : "") + COLUMNS + ") SELECT "
                    + (withIds ? "id, " : "") + select + " FROM " + STAGE);
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void insert(Connection c, List<LedgerRow> rows, boolean withIds) throws SQLException {
        String sql = withIds ? "INSERT INTO " + TABLE + " (id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (LedgerRow r : rows) {
                int i = 1;
                if (withIds) {
                    ps.setObject(i++, r.id());
                }
                ps.setObject(i++, r.productId());
                ps.setInt(i++, r.change());
                ps.setString(i++, r.reason());
                ps.setInt(i++, r.stockAfter());
                ps.setString(i++, r.note());
                ps.setObject(i, r.createdAt());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The rows: restocks and sales of the catalogue's products, hot products favoured, fixed seed. */
    static List<LedgerRow> rows(Connection c, int n) throws SQLException {
        List<UUID> products = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM products ORDER BY sku")) {
            while (rs.next()) {
                products.add(rs.getObject(1, UUID.class));
            }
        }
        if (products.isEmpty()) {
            throw new IllegalStateException("bulk-load needs products in the data set");
        }
        SplittableRandom random = new SplittableRandom(42);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        List<LedgerRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID product = products.get((int) (products.size() * Math.pow(random.nextDouble(), 3)));
            boolean restock = i % 10 == 0;
            int change = restock ? 50 + random.nextInt(150) : -(1 + random.nextInt(5));
            OffsetDateTime createdAt = start.plusNanos(i * 1_000_000L);
            rows.add(new LedgerRow(uuidV7(createdAt.toInstant().toEpochMilli(), random), product, change,
                    restock ? "restock" : "sale", random.nextInt(1_000),
                    restock ? "supplier delivery" : null, createdAt));
        }
        return rows;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }


    /** A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, version 7, variant 2, 74 random bits. */
    static UUID uuidV7(long epochMillis, SplittableRandom random) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
