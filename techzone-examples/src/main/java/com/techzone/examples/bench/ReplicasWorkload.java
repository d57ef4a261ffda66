package com.techzone.examples.bench;

import com.techzone.core.Page;
import com.techzone.core.Techzone;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.examples.bench.ResultTable.Column;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code replicas}: catalogue listings per second through the facade on the primary alone, then on
 * a facade with one streaming replica ({@code readReplicas}), each under the same concurrent
 * checkout load on the primary; phases interleaved (alone, replica, alone, replica). A probe thread
 * restocks a product and reads its stock history at once, through the same facade: a history that
 * does not start with the row just written is a read-your-writes violation, and any fails the run.
 * Runs in a copy of the data set's database (dropped afterwards) with a replica made from an online
 * base backup of the embedded server ({@link BenchReplica}); an external server is skipped.
 */
final class ReplicasWorkload implements Workload {

    static final int LISTING_CLIENTS = 4;
    static final int CHECKOUT_CLIENTS = 2;
    static final int POOL_SIZE = 8;
    static final int PAGE_SIZE = 20;

    @Override
    public String name() {
        return "replicas";
    }

    @Override
    public String description() {
        return "listing reads/s on the primary alone vs primary + 1 replica, under checkouts; read-your-writes violations";
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        BenchServer server = context.server();
        if (!"embedded".equals(server.kind())) {
            return new WorkloadResult(name(), description(), List.of(), List.of("Skipped: the replica is made from the "
                    + "embedded server's data directory; run without --jdbc-url."));
        }
        double scale = context.options().sizes().scale();
        long phaseNanos = TimeUnit.SECONDS.toNanos(scale >= 0.1 ? 10 : 2);
        String copy = context.database() + "_replicas";
        context.progress().update("replicas: copying the data set and making a replica...");
        server.dropDatabase(copy);
        server.createDatabase(copy, context.database());
        try (BenchReplica replica = BenchReplica.start(server);
             HikariDataSource primaryPool = server.pool(copy, POOL_SIZE, "techzone-bench-replicas");
             HikariDataSource replicaPool = replica.pool(copy, POOL_SIZE, "techzone-bench-replicas")) {
            Fixture fixture = Fixture.load(primaryPool);
            awaitReplayed(primaryPool, replica, copy);
            Techzone alone = Techzone.create(primaryPool);
            Techzone routed = Techzone.configure(primaryPool).readReplicas(replicaPool).build();
            Totals aloneTotals = new Totals("primary alone");
            Totals routedTotals = new Totals("primary + 1 replica");
            AtomicInteger nextUser = new AtomicInteger();
            for (int round = 0; round < 2; round++) {
                context.progress().update("replicas: round " + (round + 1) + "/2, primary alone...");
                aloneTotals.add(phase(alone, fixture, nextUser, phaseNanos));
                context.progress().update("replicas: round " + (round + 1) + "/2, primary + 1 replica...");
                routedTotals.add(phase(routed, fixture, nextUser, phaseNanos));
            }
            ResultTable.Builder table = ResultTable.builder("throughput", "Listings under a checkout load",
                    new Column("setup", "setup"), new Column("listings", "listings"),
                    new Column("listings_per_second", "listings/s"), new Column("p50_ms", "listing p50 (ms)"),
                    new Column("p99_ms", "listing p99 (ms)"), new Column("checkouts_per_second", "checkouts/s"),
                    new Column("failed", "failed calls"), new Column("probes", "read-your-writes probes"),
                    new Column("violations", "violations"));
            List<String> failures = new ArrayList<>();
            for (Totals t : List.of(aloneTotals, routedTotals)) {
                double seconds = t.nanos / 1e9;
                long[] latencies = t.latencies();
                table.row("setup", t.setup, "listings", (long) latencies.length,
                        "listings_per_second", latencies.length / seconds,
                        "p50_ms", CheckoutWorkload.percentile(latencies, 0.50) / 1e6,
                        "p99_ms", CheckoutWorkload.percentile(latencies, 0.99) / 1e6,
                        "checkouts_per_second", t.checkouts / seconds, "failed", t.failed, "probes", t.probes,
                        "violations", t.violations);
                if (t.violations > 0) {
                    failures.add(t.setup + ": " + t.violations + " read-your-writes violation(s) in " + t.probes + " probes");
                }
                if (t.firstError != null) {
                    failures.add(t.setup + ": a call failed: " + t.firstError);
                }
            }
            List<String> notes = List.of(LISTING_CLIENTS + " listing clients (listActiveByCategory, " + PAGE_SIZE
                    + " rows, random category), " + CHECKOUT_CLIENTS + " checkout clients and 1 probe client; pools of "
                    + POOL_SIZE + " connections to each server; " + (phaseNanos / 1_000_000_000) + " s per phase, "
                    + "alone and replica interleaved twice. Both servers share this machine's cores, so a replica "
                    + "adds read capacity here only as far as the primary's cores were not already busy.",
                    "Probe: inventory().restock(p, 1) then inventoryLogs().history(p) on the same thread; a violation "
                            + "is a history whose newest row is not the one just written.");
            return new WorkloadResult(name(), description(), List.of(table.build()), notes, failures);
        } finally {
            context.progress().update("replicas: dropping the copy...");
            server.dropDatabase(copy);
        }
    }

    /** One timed phase: listing, checkout and probe clients on one facade until the time is up. */
    private static Phase phase(Techzone tz, Fixture fixture, AtomicInteger nextUser, long nanos) throws Exception {
        int clients = LISTING_CLIENTS + CHECKOUT_CLIENTS + 1;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        Phase phase = new Phase();
        AtomicLong deadline = new AtomicLong();
        try {
            List<Future<long[]>> listings = new ArrayList<>();
            List<Future<?>> others = new ArrayList<>();
            for (int c = 0; c < LISTING_CLIENTS; c++) {
                int seed = c;
                listings.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    long[] latencies = new long[1024];
                    int n = 0;
                    go.await();
                    while (System.nanoTime() < deadline.get()) {
                        UUID category = fixture.categories.get(random.nextInt(fixture.categories.size()));
                        long start = System.nanoTime();
                        try {
                            tz.products().listActiveByCategory(category, null, PAGE_SIZE);
                        } catch (RuntimeException e) {
                            phase.failed(e);
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - start;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            for (int c = 0; c < CHECKOUT_CLIENTS; c++) {
                int client = c;
                others.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(100 + client);
                    go.await();
                    // Each client its own users (index modulo the clients), in turn: a user checks out again with a new cart.
                    List<UUID> mine = new ArrayList<>();
                    for (int i = client; i < fixture.users.size(); i += CHECKOUT_CLIENTS) {
                        mine.add(fixture.users.get(i));
                    }
                    while (System.nanoTime() < deadline.get() && !mine.isEmpty()) {
                        UUID user = mine.get(Math.floorMod(nextUser.getAndIncrement(), mine.size()));
                        try {
                            tz.carts().add(user, fixture.hot.get(random.nextInt(fixture.hot.size())), 1 + random.nextInt(2));
                            tz.checkout().checkout(CheckoutRequest.of(user));
                            phase.checkouts.incrementAndGet();
                        } catch (RuntimeException e) {
                            phase.failed(e);
                        }
                    }
                    return null;
                }));
            }
            others.add(threads.submit(() -> {
                SplittableRandom random = new SplittableRandom(200);
                go.await();
                while (System.nanoTime() < deadline.get()) {
                    UUID product = fixture.probes.get(random.nextInt(fixture.probes.size()));
                    try {
                        InventoryLog written = tz.inventory().restock(product, 1, null);
                        Page<InventoryLog> history = tz.inventoryLogs().history(product, null, 1);
                        phase.probes.incrementAndGet();
                        if (history.items().isEmpty() || !history.items().get(0).id().equals(written.id())) {
                            phase.violations.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        phase.failed(e);
                    }
                }
                return null;
            }));
            long start = System.nanoTime();
            deadline.set(start + nanos);
            go.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : listings) {
                all.add(f.get());
            }
            for (Future<?> f : others) {
                f.get();
            }
            phase.nanos = System.nanoTime() - start;
            phase.latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
            return phase;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits (polling, up to 5 minutes) until the replica has replayed everything the primary wrote so far. */
    private static void awaitReplayed(HikariDataSource primaryPool, BenchReplica replica, String database) throws Exception {
        String sent;
        try (Connection c = primaryPool.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            sent = rs.getString(1);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Boolean.TRUE.equals(replica.queryValue(database, "SELECT pg_last_wal_replay_lsn() >= '" + sent + "'::pg_lsn"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The bench replica did not catch up within 5 minutes");
            }
            Thread.sleep(50);
        }
    }

    /** What one phase counted. */
    private static final class Phase {
        final AtomicLong checkouts = new AtomicLong();
        final AtomicLong probes = new AtomicLong();
        final AtomicLong violations = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String firstError;
        long nanos;
        long[] latencies = new long[0];

        void failed(RuntimeException e) {
            failed.incrementAndGet();
            if (firstError == null) {
                firstError = e.toString();
            }
        }
    }

    /** The phases of one setup, summed. */
    private static final class Totals {
        final String setup;
        final List<long[]> latencies = new ArrayList<>();
        long nanos;
        long checkouts;
        long probes;
        long violations;
        long failed;
        String firstError;

        Totals(String setup) {
            this.setup = setup;
        }

        void add(Phase phase) {
            latencies.add(phase.latencies);
            nanos += phase.nanos;
            checkouts += phase.checkouts.get();
            probes += phase.probes.get();
            violations += phase.violations.get();
            failed += phase.failed.get();
            if (firstError == null) {
                firstError = phase.firstError;
            }
        }

        long[] latencies() {
            return latencies.stream().flatMapToLong(Arrays::stream).toArray();
        }
    }

    /** The rows the clients use, read from the copy, with the hot products restocked far above any run. */
    private record Fixture(List<UUID> categories, List<UUID> hot, List<UUID> probes, List<UUID> users) {

        static Fixture load(HikariDataSource pool) throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                List<UUID> categories = DaoOverheadWorkload.Fixture.ids(c, "SELECT category_id FROM products "
                        + "WHERE is_active AND category_id IS NOT NULL GROUP BY category_id ORDER BY category_id LIMIT 50");
                // The probes' products are never checked out: their newest ledger row is the probe's own.
                List<UUID> probes = DaoOverheadWorkload.Fixture.ids(c,
                        "SELECT id FROM products WHERE is_active ORDER BY sku DESC LIMIT 5");
                String notProbes = "id NOT IN (" + String.join(", ", probes.stream().map(id -> "'" + id + "'").toList()) + ")";
                List<UUID> hot = DaoOverheadWorkload.Fixture.ids(c,
                        "SELECT id FROM products WHERE is_active AND " + notProbes + " ORDER BY sku LIMIT 100");
                List<UUID> users = DaoOverheadWorkload.Fixture.ids(c, "SELECT id FROM users u WHERE NOT EXISTS "
                        + "(SELECT FROM cart_items c WHERE c.user_id = u.id) ORDER BY id LIMIT 200000");
                // A copy that is dropped afterwards: stock raised directly, with its ledger row, so checkouts never run short.
                s.execute("""
                        WITH raised AS (
                            UPDATE products SET stock = stock + 1000000
                            WHERE id IN (SELECT id FROM products WHERE is_active AND %s ORDER BY sku LIMIT 100)
                            RETURNING id, stock)
                        INSERT INTO inventory_logs (id, product_id, change, reason, stock_after)
                        SELECT gen_random_uuid(), id, 1000000, 'restock', stock FROM raised""".formatted(notProbes));
                return new Fixture(categories, hot, probes, users);
            }
        }
    }
}
