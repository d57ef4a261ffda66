package com.techzone.examples.bench;

import com.techzone.core.Techzone;
import com.techzone.examples.bench.Interleaved.Comparison;
import com.techzone.examples.bench.Interleaved.Outcome;
import com.techzone.examples.bench.ResultTable.Column;
import com.techzone.migrations.LedgerPartitioning;
import com.techzone.migrations.PartitioningResult;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;

/**
 * {@code partitioned-ledgers}: a copy of the data set converted by {@link LedgerPartitioning} while
 * restocks write to its ledger (the conversion's longest blocking lock, failed restocks, the slowest
 * restock during it), then the plain data set (A) and the partitioned copy (B) interleaved: a ledger
 * insert (a stock adjustment in a transaction rolled back, so neither side grows) and the stock-history
 * listing ({@code InventoryLogDao.history}, newest 50) of the products with the longest ledgers. Fails the
 * run if a restock failed during the conversion. The copy is dropped at the end.
 */
final class PartitionedLedgersWorkload implements Workload {

    static final int PRODUCTS = 20;
    static final int WRITERS = 2;
    static final int PAGE = 50;
    /** Restocks done before the conversion starts, so connections, statements and JIT are warm. */
    static final int WARM_RESTOCKS = 40;
    /** The prefix of the control rows: the plain side against itself, the noise a ratio carries. */
    static final String AA = "A/A control, plain vs plain: ";
    /** Each sample is the mean pass of a trial that runs passes for at least this long: 100 ms. */
    static final long TRIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest wait for the server's autovacuum workers after the conversion: 120 s. */
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(120);

    @Override
    public String name() {
        return "partitioned-ledgers";
    }

    @Override
    public String description() {
        return "ledgers converted to monthly partitions under restocks (longest lock, failures); ledger insert and stock history, plain vs partitioned";
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        String copy = context.database() + "_partitioned";
        context.progress().update("partitioned-ledgers: copying the data set...");
        context.server().dropDatabase(copy);
        context.server().createDatabase(copy, context.database());
        try (HikariDataSource plainPool = context.server().pool(context.database(), WRITERS + 1, "techzone-bench-ledgers-plain");
             HikariDataSource partitionedPool = context.server().pool(copy, WRITERS + 1, "techzone-bench-ledgers-partitioned")) {
            Techzone plain = Techzone.create(plainPool);
            Techzone partitioned = Techzone.create(partitionedPool);
            List<UUID> products;
            try (Connection c = plainPool.getConnection()) {
                products = DaoOverheadWorkload.Fixture.ids(c, "SELECT product_id FROM inventory_logs GROUP BY product_id "
                        + "ORDER BY count(*) DESC, product_id LIMIT " + PRODUCTS);
            }
            List<String> failures = new ArrayList<>();
            ResultTable conversion = convertUnderLoad(context, copy, partitioned, products, failures);
            context.progress().update("partitioned-ledgers: vacuuming both sides, waiting for autovacuum...");
            settle(plainPool, partitionedPool);
            context.progress().update("partitioned-ledgers: comparing...");
            List<Outcome> outcomes = Interleaved.run(List.of(
                            new Comparison("ledger_insert", Interleaved.Trial.repeated(() -> inserts(plain, products), TRIAL_NANOS),
                                    Interleaved.Trial.repeated(() -> inserts(partitioned, products), TRIAL_NANOS)),
                            new Comparison("stock_history", Interleaved.Trial.repeated(() -> histories(plain, products), TRIAL_NANOS),
                                    Interleaved.Trial.repeated(() -> histories(partitioned, products), TRIAL_NANOS)),
                            new Comparison(AA + "ledger_insert", Interleaved.Trial.repeated(() -> inserts(plain, products), TRIAL_NANOS),
                                    Interleaved.Trial.repeated(() -> inserts(plain, products), TRIAL_NANOS)),
                            new Comparison(AA + "stock_history", Interleaved.Trial.repeated(() -> histories(plain, products), TRIAL_NANOS),
                                    Interleaved.Trial.repeated(() -> histories(plain, products), TRIAL_NANOS))),
                    context.options().warmup(), context.options().iterations(), context.progress(), "partitioned-ledgers");
            ResultTable.Builder compared = ResultTable.builder("compared", "Plain vs partitioned ledgers (ms per "
                            + PRODUCTS + " operations)",
                    new Column("operation", "operation"), new Column("plain_median_ms", "plain median (ms)"),
                    new Column("partitioned_median_ms", "partitioned median (ms)"), new Column("plain_p95_ms", "plain p95 (ms)"),
                    new Column("partitioned_p95_ms", "partitioned p95 (ms)"), new Column("ratio", "plain / partitioned (x)"));
            for (Outcome o : outcomes) {
                compared.row("operation", o.name(), "plain_median_ms", o.a().medianMillis(), "partitioned_median_ms",
                        o.b().medianMillis(), "plain_p95_ms", o.a().p95Millis(), "partitioned_p95_ms", o.b().p95Millis(),
                        "ratio", o.ratio());
            }
            context.progress().done("partitioned-ledgers: measured");
            return new WorkloadResult(name(), "Partitioned ledgers: the online conversion, and plain vs partitioned",
                    List.of(conversion, compared.build()),
                    List.of("conversion: LedgerPartitioning.convert() with its defaults (lock_timeout 2 s, 3 months ahead, "
                                    + "no default partition) on a copy of the data set while " + WRITERS + " clients restock "
                                    + "and take back 1 unit of the " + PRODUCTS + " products with the longest ledgers; "
                                    + "longest lock = the longest time a blocking lock was held, as convert() measures it",
                            "ledger_insert: per product, Inventory.adjust(+1) in a transaction rolled back (the row is "
                                    + "routed, indexed and FK-checked, and neither side grows); stock_history: "
                                    + "InventoryLogDao.history(product, first page, " + PAGE + ") per product",
                            "before comparing, both databases get VACUUM (ANALYZE) of products and both ledgers and the "
                                    + "run waits (at most " + TimeUnit.NANOSECONDS.toSeconds(SETTLE_NANOS) + " s) until no "
                                    + "autovacuum worker runs on the server: the conversion's index builds and restocks leave "
                                    + "the copy busy for a while, which a short comparison right after it measured as the "
                                    + "layout's cost (0.59x-0.85x inserts over three runs; equal once settled); each "
                                    + "sample is the mean pass of a trial of at least "
                                    + TimeUnit.NANOSECONDS.toMillis(TRIAL_NANOS) + " ms",
                            "the A/A control rows run the plain side as both A and B in the same interleaved run: "
                                    + "how far from 1.00 a ratio of two equal sides lands, the resolution of the rows above"),
                    failures);
        } finally {
            context.server().dropDatabase(copy);
        }
    }

    private static ResultTable convertUnderLoad(BenchContext context, String copy, Techzone tz, List<UUID> products,
                                                List<String> failures) throws Exception {
        AtomicBoolean converting = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicInteger warm = new AtomicInteger();
        AtomicInteger restocks = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong slowestNanos = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int n = writer; converting.get(); n += WRITERS) {
                    UUID product = products.get(n % products.size());
                    boolean measured = measuring.get();
                    long start = System.nanoTime();
                    try {
                        tz.inventory().restock(product, 1, null);
                        tz.inventory().adjust(product, -1, "bench: taken back", null);
                        (measured ? restocks : warm).incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    if (measured) {
                        slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                }
                return null;
            }));
        }
        PartitioningResult result;
        long start;
        long end;
        try {
            context.progress().update("partitioned-ledgers: warming the restock clients up...");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (warm.get() < WARM_RESTOCKS && failed.get() == 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            context.progress().update("partitioned-ledgers: converting under restocks...");
            measuring.set(true);
            start = System.nanoTime();
            result = LedgerPartitioning.configure(context.server().dataSource(copy)).load().convert();
            end = System.nanoTime();
        } finally {
            converting.set(false);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
        }
        double seconds = (end - start) / 1e9;
        if (failed.get() > 0) {
            failures.add("partitioned-ledgers: " + failed.get() + " restock(s) failed before or during the conversion");
        }
        return ResultTable.builder("conversion", "The online conversion of both ledgers",
                        new Column("seconds", "conversion (s)"), new Column("longest_lock_ms", "longest blocking lock (ms)"),
                        new Column("lock_retries", "lock retries"),
                        new Column("partitions_created", "partitions created"), new Column("restocks", "restocks during it (after warm-up)"),
                        new Column("failed", "failed"), new Column("slowest_restock_ms", "slowest restock (ms)"))
                .row("seconds", seconds, "longest_lock_ms", result.longestLock().toNanos() / 1e6,
                        "lock_retries", (long) result.retries(),
                        "partitions_created", (long) result.createdPartitions().size(), "restocks", (long) restocks.get(),
                        "failed", (long) failed.get(), "slowest_restock_ms", slowestNanos.get() / 1e6)
                .build();
    }

    /**
     * Leaves both sides as a live shop's autovacuum would: vacuumed and analyzed, with no worker
     * still running in either database, so that neither side is measured while the server catches up
     * with the conversion.
     */
    private static void settle(HikariDataSource... pools) throws Exception {
        for (HikariDataSource pool : pools) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) products, inventory_logs, order_status_history");
            }
        }
        long deadline = System.nanoTime() + SETTLE_NANOS;
        try (Connection c = pools[0].getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private static void inserts(Techzone tz, List<UUID> products) {
        try (Handle h = tz.jdbi().open()) {
            for (UUID product : products) {
                h.begin();
                tz.inventory().adjust(h, product, 1, "bench: rolled back", null);
                h.rollback();
            }
        }
    }

    private static void histories(Techzone tz, List<UUID> products) {
        for (UUID product : products) {
            if (tz.inventoryLogs().history(product, null, PAGE).items().isEmpty()) {
                throw new IllegalStateException("partitioned-ledgers: no stock history for product " + product);
            }
        }
    }
}
