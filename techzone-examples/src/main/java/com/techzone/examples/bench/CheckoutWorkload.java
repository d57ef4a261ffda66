package com.techzone.examples.bench;

import com.techzone.core.ConcurrencyFailureException;
import com.techzone.core.Techzone;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.examples.bench.ResultTable.Column;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code checkout}: concurrent checkouts through {@code Techzone.checkout()} on a {@code TechzonePool},
 * at 1, 4, 16 and 32 client threads; orders/s, p50/p99, failures and retries; the invariants checked
 * afterwards (a broken one fails the run); then everything the workload added is deleted again.
 * PostgreSQL's {@code pgbench} (TPC-B-like) runs on the same server as the anchor when it is installed.
 */
final class CheckoutWorkload implements Workload {

    static final int[] CLIENTS = {1, 4, 16, 32};
    /** Connections: 2 cores, commits wait on the WAL flush, so a few more connections than cores keep it busy. */
    static final int POOL_SIZE = 8;
    static final int HOT_PRODUCTS = 100;
    /** Clients of the untimed warm-up rounds before the measured ones ({@code --warmup N} of them). */
    static final int WARMUP_CLIENTS = 4;
    static final double TARGET_ORDERS_PER_SECOND = 1_000;
    /** Issue 12: best orders/s at least this share of pgbench's best TPC-B tps on the same server. */
    static final double TARGET_VS_PGBENCH = 0.6;
    /** Issue 12: single-client p50 latency at most this multiple of pgbench's single-client latency. */
    static final double TARGET_SINGLE_CLIENT = 2.0;

    @Override
    public String name() {
        return "checkout";
    }

    @Override
    public String description() {
        return "concurrent checkouts at 1, 4, 16, 32 clients: orders/s, p50/p99, invariants; pgbench anchor";
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        double scale = context.options().sizes().scale();
        int perRound = (int) Math.max(20, Math.min(15_000, Math.round(50_000 * scale)));
        long maxNanos = TimeUnit.SECONDS.toNanos(scale >= 0.1 ? 15 : 5);
        List<String> failures = new ArrayList<>();
        ResultTable.Builder throughput = ResultTable.builder("throughput", "Checkouts per client count",
                new Column("clients", "clients"), new Column("pool_size", "pool"), new Column("orders", "orders"),
                new Column("seconds", "seconds"), new Column("orders_per_second", "orders/s"),
                new Column("p50_ms", "p50 (ms)"), new Column("p99_ms", "p99 (ms)"), new Column("failed", "failed"),
                new Column("gave_up", "gave up (retries exhausted)"), new Column("deadlocks_retried", "deadlocks (retried)"),
                new Column("round_trips_per_order", "round trips/order"),
                new Column("client_cpu_ms_per_order", "client CPU/order (ms)"),
                new Column("server_cpu_ms_per_order", "server CPU/order (ms)"),
                new Column("checkout_sql_tps", "checkout SQL by pgbench (orders/s)"),
                new Column("vs_checkout_sql", "vs checkout SQL (x)"),
                new Column("checkout_sql_client_cpu_ms", "pgbench CPU/order (ms)"),
                new Column("checkout_sql_server_cpu_ms", "server CPU/order under pgbench (ms)"),
                new Column("pgbench_tps", "pgbench TPC-B tps"), new Column("vs_pgbench", "vs pgbench (x)"),
                new Column("pgbench_latency_ms", "pgbench latency (ms)"),
                new Column("pgbench_server_cpu_ms", "server CPU/TPC-B transaction (ms)"));
        ResultTable.Builder invariants = ResultTable.builder("invariants", "Invariants after the run",
                new Column("check", "check"), new Column("violations", "violations"), new Column("kept", "kept"));
        List<String> notes = new ArrayList<>();
        double best = 0;
        double bestBound = 0;
        Pgbench pgbench = Pgbench.locate();
        // The pool's sockets count round trips (RoundTripCounter): a counter bump per read and write call.
        try (HikariDataSource pool = new HikariDataSource(RoundTripCounter.enable(
                context.server().poolConfig(context.database(), POOL_SIZE, "techzone-bench-checkout")))) {
            Techzone tz = Techzone.create(pool);
            List<UUID> hot;
            Map<UUID, Integer> originalStock = new HashMap<>();
            List<UUID> users;
            List<UUID> boundUsers;
            Optional<ProcessCpu> serverCpu;
            Timestamp started;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                hot = DaoOverheadWorkload.Fixture.ids(c,
                        "SELECT id FROM products WHERE is_active ORDER BY sku LIMIT " + HOT_PRODUCTS);
                try (ResultSet rs = s.executeQuery("SELECT id, stock FROM products WHERE is_active ORDER BY sku LIMIT " + HOT_PRODUCTS)) {
                    while (rs.next()) {
                        originalStock.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }
                }
                // The first perRound users check out through the library, the next ones through pgbench (the bound).
                List<UUID> all = DaoOverheadWorkload.Fixture.ids(c, "SELECT id FROM users u WHERE NOT EXISTS "
                        + "(SELECT FROM cart_items c WHERE c.user_id = u.id) ORDER BY id LIMIT " + 2 * perRound);
                users = all.subList(0, Math.min(perRound, all.size()));
                boundUsers = all.subList(users.size(), all.size());
                serverCpu = ProcessCpu.ofServer(c, context.server());
                try (ResultSet rs = s.executeQuery("SELECT now()")) {
                    rs.next();
                    started = rs.getTimestamp(1);
                }
            }
            int rounds = CLIENTS.length + context.options().warmup();
            // Up to 5 lines of up to 3 units from HOT_PRODUCTS: restock (through the ledger) far above the worst case.
            int restock = (int) Math.min(1_000_000, 10L * perRound * rounds * 15 / HOT_PRODUCTS + 100);
            List<UUID> restockIds = new ArrayList<>();
            for (UUID p : hot) {
                InventoryLog row = tz.inventory().restock(p, restock, null);
                restockIds.add(row.id());
            }
            long successes = 0;
            long lines = 0;
            CheckoutSqlBound bound = pgbench == null || boundUsers.isEmpty() ? null
                    : CheckoutSqlBound.prepare(pool, pgbench, context, boundUsers);
            List<UUID> allUsers = new ArrayList<>(users);
            allUsers.addAll(boundUsers);
            try {
                // Untimed: the JIT, Jdbi's statement and mapper caches and the pool's sessions warm up here, not in
                // the first measured round (1 client). Their orders count in the invariants below.
                long warmOrders = 0;
                for (int w = 0; w < context.options().warmup(); w++) {
                    context.progress().update("checkout: warm-up " + (w + 1) + ", " + WARMUP_CLIENTS + " clients...");
                    fillCarts(pool, users, hot, -1 - w);
                    Round warm = round(tz, users, WARMUP_CLIENTS, maxNanos, context.progress());
                    clearCarts(pool, users);
                    successes += warm.orders;
                    lines += warm.lines;
                    warmOrders += warm.orders;
                    if (warm.firstError != null) {
                        notes.add("warm-up " + (w + 1) + ": " + warm.failed + " checkout(s) failed, the first: " + warm.firstError);
                    }
                }
                if (context.options().warmup() > 0) {
                    notes.add("warm-up: " + context.options().warmup() + " untimed round(s) of up to "
                            + TimeUnit.NANOSECONDS.toSeconds(maxNanos) + " s by " + WARMUP_CLIENTS + " clients before the "
                            + "measured ones (JIT, statement caches, pool), " + warmOrders + " checkouts, counted in the invariants");
                }
                for (int clients : CLIENTS) {
                    fillCarts(pool, users, hot, clients);
                    long deadlocksBefore = deadlocks(pool);
                    long tripsBefore = RoundTripCounter.count();
                    long serverBefore = serverCpu.map(ProcessCpu::serverNanos).orElse(0L);
                    long clientBefore = ProcessCpu.jvmNanos();
                    Round r = round(tz, users, clients, maxNanos, context.progress());
                    long clientCpu = ProcessCpu.jvmNanos() - clientBefore;
                    Long serverCpuNanos = serverCpu.map(p -> p.serverNanos() - serverBefore).orElse(null);
                    long trips = RoundTripCounter.count() - tripsBefore;
                    long deadlocks = deadlocks(pool) - deadlocksBefore;
                    clearCarts(pool, users);
                    // The bound right after, interleaved: the same carts' SQL from pgbench, another set of users.
                    CheckoutSqlBound.Run boundRun = null;
                    if (bound != null) {
                        fillCarts(pool, boundUsers, hot, clients);
                        context.progress().update("checkout: the checkout's SQL by pgbench, " + clients + " client(s)...");
                        // As many server sessions as the library's side has: its clients share a pool of POOL_SIZE.
                        boundRun = bound.run(Math.min(clients, POOL_SIZE), serverCpu);
                        clearCarts(pool, boundUsers);
                        if (boundRun.error() != null) {
                            notes.add(clients + " clients: pgbench running the checkout's SQL failed: " + boundRun.error());
                        }
                    }
                    successes += r.orders;
                    lines += r.lines;
                    double rate = r.orders / (r.nanos / 1e9);
                    best = Math.max(best, rate);
                    if (boundRun != null && boundRun.tps() != null) {
                        bestBound = Math.max(bestBound, boundRun.tps());
                    }
                    throughput.row("clients", (long) clients, "pool_size", (long) Math.min(clients, POOL_SIZE),
                            "orders", r.orders, "seconds", r.nanos / 1e9, "orders_per_second", rate,
                            "p50_ms", percentile(r.latencies, 0.50) / 1e6, "p99_ms", percentile(r.latencies, 0.99) / 1e6,
                            "failed", r.failed, "gave_up", r.gaveUp, "deadlocks_retried", deadlocks,
                            "round_trips_per_order", r.orders == 0 ? null : (double) trips / r.orders,
                            "client_cpu_ms_per_order", r.orders == 0 ? null : clientCpu / 1e6 / r.orders,
                            "server_cpu_ms_per_order", r.orders == 0 || serverCpuNanos == null ? null
                                    : serverCpuNanos / 1e6 / r.orders,
                            "checkout_sql_tps", boundRun == null ? null : boundRun.tps(),
                            "vs_checkout_sql", boundRun == null || boundRun.tps() == null ? null : rate / boundRun.tps(),
                            "checkout_sql_client_cpu_ms", boundRun == null ? null : boundRun.clientCpuMsPerOrder(),
                            "checkout_sql_server_cpu_ms", boundRun == null ? null : boundRun.serverCpuMsPerOrder());
                    if (r.firstError != null) {
                        notes.add(clients + " clients: first failure: " + r.firstError);
                    }
                }
                context.progress().update("checkout: checking invariants...");
                check(pool, invariants, failures, "no product has negative stock",
                        "SELECT count(*) FROM products WHERE stock < 0");
                check(pool, invariants, failures, "no ledger row of the hot products has negative stock_after",
                        "SELECT count(*) FROM inventory_logs WHERE product_id = ANY (?) AND stock_after < 0", hot);
                check(pool, invariants, failures, "the ledger reconciles: stock = sum of its ledger changes (hot products)",
                        "SELECT count(*) FROM products p WHERE p.id = ANY (?) AND p.stock <> "
                                + "(SELECT coalesce(sum(l.change), 0) FROM inventory_logs l WHERE l.product_id = p.id)", hot);
                String runOrders = "(SELECT id FROM orders WHERE user_id = ANY (?) AND created_at >= ?)";
                check(pool, invariants, failures, "orders created = successes reported (" + successes + ")",
                        "SELECT abs(count(*) - " + successes + ") FROM orders WHERE user_id = ANY (?) AND created_at >= ?",
                        users, started);
                check(pool, invariants, failures, "order lines created = lines reported (" + lines + ")",
                        "SELECT abs(count(*) - " + lines + ") FROM order_items WHERE order_id IN " + runOrders, users, started);
                check(pool, invariants, failures, "one sale ledger row per order line",
                        // One pass over the run's ledger rows (found by time, idx_inventory_logs_created_at),
                        // not a lookup per line: inventory_logs.order_id has no index, nor needs one.
                        "SELECT count(*) FROM (SELECT i.order_id, i.product_id, i.quantity FROM order_items i "
                                + "WHERE i.order_id IN " + runOrders + ") line LEFT JOIN (SELECT order_id, product_id, "
                                + "change, count(*) AS n FROM inventory_logs WHERE reason = 'sale' AND created_at >= ? "
                                + "GROUP BY order_id, product_id, change) sale ON sale.order_id = line.order_id "
                                + "AND sale.product_id = line.product_id AND sale.change = -line.quantity "
                                + "WHERE coalesce(sale.n, 0) <> 1", users, started, started);
                check(pool, invariants, failures, "every order: subtotal = sum of its lines, one 'pending' history row",
                        "SELECT count(*) FROM orders o WHERE o.id IN " + runOrders + " AND (o.subtotal <> "
                                + "(SELECT sum(line_total) FROM order_items i WHERE i.order_id = o.id) OR (SELECT count(*) "
                                + "FROM order_status_history h WHERE h.order_id = o.id AND h.to_status = 'pending') <> 1)",
                        users, started);
            } finally {
                context.progress().update("checkout: deleting what the workload added...");
                if (bound != null) {
                    bound.close();
                }
                cleanUp(pool, allUsers, started, restockIds, originalStock);
            }
            if (bound != null) {
                notes.add("checkout SQL by pgbench: the bound of this checkout on this server, measured after each "
                        + "client count's round on as many other users' carts filled the same way: " + pgbench.describe()
                        + " -M prepared, as many clients as the library's side has connections (min(clients, " + POOL_SIZE
                        + "), -j 2), each transaction BEGIN, the cart lock statement "
                        + "(lockCart.sql, its rows aggregated into the arrays the order statement binds, \\gset), the "
                        + "order statement (placeOrder.sql, unchanged), COMMIT: 4 round trips, no client-side work "
                        + "(no stock check or totals in Java; " + bound.idFunction() + "() ids made by the server); "
                        + "every cart checked out once (-t carts / clients)");
            }
        }
        context.progress().done("checkout: measured, invariants " + (failures.isEmpty() ? "kept" : "BROKEN " + failures));
        List<ResultTable> tables = new ArrayList<>();
        if (pgbench != null) {
            Map<Integer, Double> tps = new HashMap<>();
            Map<Integer, Double> tpcbServerCpu = new HashMap<>();
            pgbench.run(context, scale, tps, tpcbServerCpu);
            List<java.util.Map<String, Object>> rows = new ArrayList<>(throughput.build().rows());
            throughput = ResultTable.builder("throughput", "Checkouts per client count",
                    throughput.build().columns().toArray(new Column[0]));
            for (java.util.Map<String, Object> row : rows) {
                int clients = ((Long) row.get("clients")).intValue();
                Double t = tps.get(clients);
                row.put("pgbench_tps", t);
                row.put("vs_pgbench", t == null ? null : (Double) row.get("orders_per_second") / t);
                // pgbench's average latency: its clients are never idle, so clients / tps.
                row.put("pgbench_latency_ms", t == null ? null : 1000.0 * clients / t);
                row.put("pgbench_server_cpu_ms", tpcbServerCpu.get(clients));
                List<Object> kv = new ArrayList<>();
                row.forEach((k, v) -> {
                    kv.add(k);
                    kv.add(v);
                });
                throughput.row(kv.toArray());
            }
            notes.add("pgbench: " + pgbench.describe() + " (TPC-B-like, 5 statements a transaction), in a database of "
                    + "its own created and dropped by the workload, same server and settings, -T " + Pgbench.seconds(scale)
                    + " s per client count, scale " + Pgbench.scaleFactor(scale) + ", -j 2; pgbench latency = clients / tps "
                    + "(its average latency: its clients never wait between transactions)");
        } else {
            notes.add("pgbench: not found (no pgbench on PATH, in TECHZONE_PGBENCH or /usr/lib/postgresql/*/bin): no anchor");
        }
        tables.add(throughput.build());
        tables.add(invariants.build());
        ResultTable.Builder target = ResultTable.builder("target", "Target", new Column("best_orders_per_second", "best orders/s"),
                new Column("target_orders_per_second", "target orders/s"), new Column("target_met", "target met"),
                new Column("best_vs_pgbench", "best vs pgbench's best (x)"),
                new Column("target_vs_pgbench", "target (x)"),
                new Column("single_client_p50_vs_pgbench_latency", "1 client: p50 / pgbench latency (x)"),
                new Column("target_single_client", "target (x)"),
                new Column("best_checkout_sql_tps", "checkout SQL by pgbench: best orders/s"),
                new Column("best_vs_checkout_sql", "best vs the checkout SQL's best (x)"),
                new Column("single_client_p50_vs_checkout_sql_latency", "1 client: p50 / checkout SQL latency (x)"));
        Double bestPgbench = null;
        Double singleClientVsSql = null;
        Double singleClient = null;
        for (Map<String, Object> row : throughput.build().rows()) {
            // One pgbench client runs its transactions back to back: its latency is 1 / tps.
            if (((Long) row.get("clients")) == 1L && row.get("p50_ms") instanceof Double p50
                    && row.get("checkout_sql_tps") instanceof Double sqlTps && sqlTps > 0) {
                singleClientVsSql = p50 / (1000 / sqlTps);
            }
            if (row.get("pgbench_tps") instanceof Double t) {
                bestPgbench = bestPgbench == null ? t : Math.max(bestPgbench, t);
                if (((Long) row.get("clients")) == 1L && row.get("p50_ms") instanceof Double p50) {
                    singleClient = p50 / (Double) row.get("pgbench_latency_ms");
                }
            }
        }
        target.row("best_orders_per_second", best, "target_orders_per_second", TARGET_ORDERS_PER_SECOND,
                "target_met", best >= TARGET_ORDERS_PER_SECOND,
                "best_vs_pgbench", bestPgbench == null ? null : best / bestPgbench, "target_vs_pgbench", TARGET_VS_PGBENCH,
                "single_client_p50_vs_pgbench_latency", singleClient, "target_single_client", TARGET_SINGLE_CLIENT,
                "best_checkout_sql_tps", bestBound > 0 ? bestBound : null,
                "best_vs_checkout_sql", bestBound > 0 ? best / bestBound : null,
                "single_client_p50_vs_checkout_sql_latency", singleClientVsSql);
        tables.add(target.build());
        notes.add(0, "per client count: " + perRound + " users, each with a cart of 1-5 lines (1-3 units) drawn from the "
                + HOT_PRODUCTS + " first active products by SKU (the generator's best sellers), filled untimed before the "
                + "round; each client thread checks out the next user's cart until all are done or "
                + TimeUnit.NANOSECONDS.toSeconds(maxNanos) + " s passed; orders/s = orders / wall time of the round");
        notes.add(1, "Techzone.checkout() (one transaction, committed durably: the cart lock with its BEGIN, the order's "
                + "one data-modifying statement, the COMMIT; round trips/order counted by the pool's sockets, every statement "
                + "and retry of the round included) on a TechzonePool of "
                + POOL_SIZE + " connections (clients above that wait for a connection; the wait counts in the latency); "
                + "retries are the workflow's own (deadlocks / serialization failures, up to 5 attempts): counted by the "
                + "server's deadlock counter; 'gave up' = ConcurrencyFailureException");
        notes.add(2, "stock of the hot products is raised through the ledger (Inventory.restock) before the rounds; afterwards "
                + "the workload deletes its orders, lines, history and ledger rows and puts the stock back, so the data set "
                + "is left as found (order_number values are used up)");
        return new WorkloadResult(name(), "Concurrent checkouts", tables, notes, failures);
    }

    /** One round's outcome. */
    private static final class Round {
        long orders;
        long lines;
        long failed;
        long gaveUp;
        long nanos;
        long[] latencies = new long[0];
        String firstError;
    }

    private static Round round(Techzone tz, List<UUID> users, int clients, long maxNanos, Progress progress)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        Round round = new Round();
        try {
            List<Future<long[]>> results = new ArrayList<>();
            String[] firstError = {null};
            long[] counts = new long[3];
            for (int t = 0; t < clients; t++) {
                results.add(threads.submit(() -> {
                    long[] latencies = new long[users.size()];
                    int n = 0;
                    long lines = 0;
                    long failed = 0;
                    long gaveUp = 0;
                    go.await();
                    long deadline = System.nanoTime() + maxNanos;
                    for (int i = next.getAndIncrement(); i < users.size() && System.nanoTime() < deadline;
                         i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        try {
                            CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(users.get(i)));
                            latencies[n++] = System.nanoTime() - start;
                            lines += result.items().size();
                        } catch (RuntimeException e) {
                            failed++;
                            if (e instanceof ConcurrencyFailureException) {
                                gaveUp++;
                            }
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = e.toString();
                                }
                            }
                        }
                    }
                    synchronized (counts) {
                        counts[0] += lines;
                        counts[1] += failed;
                        counts[2] += gaveUp;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            progress.update("checkout: " + clients + " client(s)...");
            long start = System.nanoTime();
            go.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                all.add(f.get());
            }
            round.nanos = System.nanoTime() - start;
            round.latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
            round.orders = round.latencies.length;
            round.lines = counts[0];
            round.failed = counts[1];
            round.gaveUp = counts[2];
            round.firstError = firstError[0];
            return round;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Nearest-rank percentile of the samples, in nanoseconds; NaN when there are none. */
    static double percentile(long[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
    }

    /** Each user a cart of 1-5 distinct hot products, 1-3 units each; fixed seed per client count. */
    private static void fillCarts(HikariDataSource pool, List<UUID> users, List<UUID> hot, int seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object> cartUsers = new ArrayList<>();
        List<Object> cartProducts = new ArrayList<>();
        List<Object> quantities = new ArrayList<>();
        for (UUID user : users) {
            int n = 1 + random.nextInt(5);
            List<UUID> chosen = new ArrayList<>();
            while (chosen.size() < Math.min(n, hot.size())) {
                UUID p = hot.get(random.nextInt(hot.size()));
                if (!chosen.contains(p)) {
                    chosen.add(p);
                    cartUsers.add(user);
                    cartProducts.add(p);
                    quantities.add(1 + random.nextInt(3));
                }
            }
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cart_items (user_id, product_id, quantity) SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[])")) {
            ps.setArray(1, c.createArrayOf("uuid", cartUsers.toArray()));
            ps.setArray(2, c.createArrayOf("uuid", cartProducts.toArray()));
            ps.setArray(3, c.createArrayOf("int4", quantities.toArray()));
            ps.executeUpdate();
        }
    }

    private static void clearCarts(HikariDataSource pool, List<UUID> users) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM cart_items WHERE user_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", users.toArray()));
            ps.executeUpdate();
        }
    }

    private static long deadlocks(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void check(HikariDataSource pool, ResultTable.Builder table, List<String> failures, String name,
                              String sql, Object... args) throws SQLException {
        long broken;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                broken = rs.getLong(1);
            }
        }
        table.row("check", name, "violations", broken, "kept", broken == 0);
        if (broken != 0) {
            failures.add(name + ": " + broken + " violation(s)");
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            if (arg instanceof List<?> list) {
                Array array = c.createArrayOf("uuid", list.toArray());
                ps.setArray(i++, array);
                continue;
            }
            ps.setObject(i++, arg);
        }
    }

    /** Deletes the run's orders (with lines, history, sale ledger rows), the restock rows, and puts stock back. */
    private static void cleanUp(HikariDataSource pool, List<UUID> users, Timestamp started, List<UUID> restockIds,
                                Map<UUID, Integer> originalStock) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                try (PreparedStatement ps = c.prepareStatement("CREATE TEMP TABLE bench_run_orders ON COMMIT DROP AS "
                        + "SELECT id FROM orders WHERE user_id = ANY (?) AND created_at >= ?")) {
                    bind(c, ps, users, started);
                    ps.execute();
                }
                s.execute("DELETE FROM inventory_logs WHERE order_id IN (SELECT id FROM bench_run_orders)");
                s.execute("DELETE FROM order_status_history WHERE order_id IN (SELECT id FROM bench_run_orders)");
                s.execute("DELETE FROM order_items WHERE order_id IN (SELECT id FROM bench_run_orders)");
                s.execute("DELETE FROM orders WHERE id IN (SELECT id FROM bench_run_orders)");
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM inventory_logs WHERE id = ANY (?)")) {
                    bind(c, ps, restockIds);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE products SET stock = ? WHERE id = ?")) {
                    for (Map.Entry<UUID, Integer> e : originalStock.entrySet()) {
                        ps.setInt(1, e.getValue());
                        ps.setObject(2, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) orders, order_items, order_status_history, inventory_logs, products, cart_items");
            }
        }
    }

    /** PostgreSQL's pgbench, run against the bench server in a database of its own. */
    record Pgbench(Path binary, String version) {

        static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
        static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: ([0-9]+)");

        static Pgbench locate() {
            List<Path> candidates = new ArrayList<>();
            Optional.ofNullable(System.getenv("TECHZONE_PGBENCH")).map(Path::of).ifPresent(candidates::add);
            for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "pgbench"));
                }
            }
            try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
                dirs.sorted(java.util.Comparator.reverseOrder()).forEach(d -> candidates.add(d.resolve("bin/pgbench")));
            } catch (IOException | RuntimeException e) {
                // no such directory: not a Debian-style install
            }
            for (Path p : candidates) {
                if (Files.isExecutable(p)) {
                    try {
                        Process process = new ProcessBuilder(p.toString(), "--version").redirectErrorStream(true).start();
                        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                        if (process.waitFor() == 0) {
                            return new Pgbench(p, out);
                        }
                    } catch (IOException e) {
                        // try the next one
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
            }
            return null;
        }

        String describe() {
            return version + " at " + binary;
        }

        static int seconds(double scale) {
            return scale >= 0.1 ? 10 : 1;
        }

        static int scaleFactor(double scale) {
            return scale >= 0.1 ? 32 : 1;
        }

        /**
         * Runs TPC-B at each client count; puts its tps (without initial connection time) and, for a
         * local server, the server's CPU per transaction (ms) into the maps; no entry where a run failed.
         */
        void run(BenchContext context, double scale, Map<Integer, Double> tps, Map<Integer, Double> serverCpuMs)
                throws SQLException {
            BenchServer server = context.server();
            Optional<String[]> hostPort = server.hostAndPort();
            if (hostPort.isEmpty()) {
                return;
            }
            String db = "techzone_bench_pgbench";
            server.dropDatabase(db);
            server.createDatabase(db, null);
            try {
                Optional<ProcessCpu> cpu;
                try (Connection c = server.dataSource(db).getConnection()) {
                    cpu = ProcessCpu.ofServer(c, server);
                }
                context.progress().update("checkout: pgbench -i -s " + scaleFactor(scale) + "...");
                if (pgbench(server, hostPort.get(), db, "-i", "-q", "-s", String.valueOf(scaleFactor(scale))) == null) {
                    return;
                }
                for (int clients : CLIENTS) {
                    context.progress().update("checkout: pgbench -c " + clients + "...");
                    Set<Long> processes = cpu.map(ProcessCpu::processes).orElse(Set.of());
                    long before = cpu.map(ProcessCpu::serverNanos).orElse(0L);
                    String out = pgbench(server, hostPort.get(), db, "-n", "-c", String.valueOf(clients),
                            "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds(scale)));
                    cpu.ifPresent(p -> p.awaitGone(processes));
                    long used = cpu.map(p -> p.serverNanos() - before).orElse(0L);
                    if (out != null) {
                        Matcher m = TPS.matcher(out);
                        Matcher done = PROCESSED.matcher(out);
                        if (m.find()) {
                            tps.put(clients, Double.parseDouble(m.group(1)));
                        }
                        if (cpu.isPresent() && done.find() && Long.parseLong(done.group(1)) > 0) {
                            serverCpuMs.put(clients, used / 1e6 / Long.parseLong(done.group(1)));
                        }
                    }
                }
            } finally {
                server.dropDatabase(db);
            }
        }

        /** pgbench's output, or null if it could not run or exited non-zero. */
        String pgbench(BenchServer server, String[] hostPort, String db, String... args) {
            Output out = pgbenchWithStatus(server, hostPort, db, args);
            return out.exitCode() == 0 ? out.text() : null;
        }

        /** What pgbench printed (stdout and stderr) and its exit code (-1: it could not run). */
        record Output(int exitCode, String text) {
        }

        Output pgbenchWithStatus(BenchServer server, String[] hostPort, String db, String... args) {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", hostPort[0], "-p", hostPort[1],
                    "-U", server.user()));
            command.addAll(List.of(args));
            command.add(db);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            server.password().ifPresent(p -> builder.environment().put("PGPASSWORD", p));
            try {
                Process process = builder.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Output(process.waitFor(), out);
            } catch (IOException e) {
                return new Output(-1, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Output(-1, "interrupted");
            }
        }
    }
}
