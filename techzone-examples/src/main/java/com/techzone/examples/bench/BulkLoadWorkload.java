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
 * {@code bulk-load}: the same stock-ledger rows loaded with COPY (pgjdbc's CopyManager) and with
 * batched INSERTs ({@code reWriteBatchedInserts=true}, 1,000 rows a batch), one committed
 * transaction per trial, interleaved. The target table is a copy of {@code inventory_logs} with
 * its indexes, checks and foreign key ({@value #TABLE}), emptied before each trial (not timed)
 * and dropped at the end, so the data set is left as it was.
 */
final class BulkLoadWorkload implements Workload {

    static final String TABLE = "bench_bulk_inventory_logs";
    static final int BATCH = 1_000;
    /** The project's target for COPY into an indexed table. */
    static final double TARGET_COPY_ROWS_PER_SECOND = 200_000;

    private static final String COLUMNS = "(product_id, change, reason, stock_after, note, created_at)";

    /** One ledger row to load. */
    record LedgerRow(UUID productId, int change, String reason, int stockAfter, String note, OffsetDateTime createdAt) {
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
                s.execute("CREATE TABLE " + TABLE + " (LIKE inventory_logs INCLUDING ALL)");
                s.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT fk_" + TABLE + "_product_id "
                        + "FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT");
            }
            try {
                List<LedgerRow> rows = rows(c, n);
                c.setAutoCommit(false);
                Comparison comparison = new Comparison("inventory_logs",
                        () -> trial(c, () -> copy(c, rows)), () -> trial(c, () -> insert(c, rows)));
                Outcome o = Interleaved.run(List.of(comparison), context.options().warmup(),
                        context.options().iterations(), context.progress(), "bulk-load").get(0);
                long loaded = count(c);
                c.setAutoCommit(true);
                if (loaded != n) {
                    throw new IllegalStateException("bulk-load: expected " + n + " rows after a trial, found " + loaded);
                }
                context.progress().done("bulk-load: " + n + " rows per trial measured");
                double copyRate = n / (o.a().medianNanos() / 1e9);
                double insertRate = n / (o.b().medianNanos() / 1e9);
                ResultTable table = ResultTable.builder("load", "Loading " + n + " rows into an indexed copy of inventory_logs",
                                new Column("method", "method"), new Column("rows", "rows"),
                                new Column("median_ms", "median (ms)"), new Column("p95_ms", "p95 (ms)"),
                                new Column("rows_per_second", "rows/s (median)"),
                                new Column("vs_insert", "vs batched INSERT (x)"),
                                new Column("target_rows_per_second", "target rows/s"), new Column("target_met", "target met"))
                        .row("method", "copy", "rows", (long) n, "median_ms", o.a().medianMillis(), "p95_ms", o.a().p95Millis(),
                                "rows_per_second", copyRate, "vs_insert", copyRate / insertRate,
                                "target_rows_per_second", TARGET_COPY_ROWS_PER_SECOND,
                                "target_met", copyRate >= TARGET_COPY_ROWS_PER_SECOND)
                        .row("method", "batched_insert", "rows", (long) n, "median_ms", o.b().medianMillis(),
                                "p95_ms", o.b().p95Millis(), "rows_per_second", insertRate, "vs_insert", 1.0)
                        .build();
                return new WorkloadResult(name(), "COPY vs batched INSERT into an indexed table", List.of(table),
                        List.of("table: " + TABLE + " = inventory_logs' columns, checks, defaults, 3 indexes "
                                        + "(primary key, product_id + created_at, created_at) and its foreign key to products; "
                                        + "emptied (TRUNCATE, not timed) before each trial",
                                "each trial loads the same rows in one transaction and commits; ids come from the column "
                                        + "default gen_random_uuid()",
                                "batched INSERT: PreparedStatement, addBatch, executeBatch every " + BATCH
                                        + " rows, reWriteBatchedInserts=true"));
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + TABLE);
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

    private static void copy(Connection c, List<LedgerRow> rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + TABLE + " " + COLUMNS + " FROM STDIN (FORMAT text)");
        try {
            StringBuilder buffer = new StringBuilder(1 << 17);
            for (LedgerRow r : rows) {
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

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void insert(Connection c, List<LedgerRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " " + COLUMNS + " VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (LedgerRow r : rows) {
                ps.setObject(1, r.productId());
                ps.setInt(2, r.change());
                ps.setString(3, r.reason());
                ps.setInt(4, r.stockAfter());
                ps.setString(5, r.note());
                ps.setObject(6, r.createdAt());
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
            rows.add(new LedgerRow(product, change, restock ? "restock" : "sale", random.nextInt(1_000),
                    restock ? "supplier delivery" : null, start.plusNanos(i * 1_000_000L)));
        }
        return rows;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
