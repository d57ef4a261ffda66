package com.techzone.examples.bench;

import com.techzone.core.Page;
import com.techzone.core.Techzone;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.order.Checkout;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.examples.bench.Interleaved.Comparison;
import com.techzone.examples.bench.Interleaved.Outcome;
import com.techzone.examples.bench.ResultTable.Column;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * {@code dao-overhead}: the same operations through the library (DAOs and the checkout workflow) and
 * through hand-written JDBC running the very same SQL (read from the DAO's annotation or SQL file),
 * on the same pool, interleaved. Writes run in transactions that are rolled back, so the data set is
 * left as found.
 */
final class DaoOverheadWorkload implements Workload {

    /**
     * The project's targets (issue 12), DAO median / JDBC median: on-demand lookups and listing pages
     * (a pooled connection and a Jdbi handle per call) at most 1.25, everything else at most 1.10. The
     * fluent-Jdbi row has none: it measures the floor of any DAO that runs Jdbi statements.
     */
    static final Map<String, Double> TARGET_RATIOS = Map.of("point_lookup", 1.25, "point_lookup_attached", 1.10,
            "listing_page", 1.25, "batch_insert_1000", 1.10, "checkout", 1.10);
    static final int LOOKUPS = 200;
    static final int PAGES = 100;
    static final int PAGE_SIZE = 20;
    static final int BATCH_ROWS = 1_000;
    static final int CHECKOUTS = 20;
    /** JIT warm-up before the rounds: calls of each operation on each side, at most. */
    static final int JIT_WARM_UP_CALLS = 20_000;
    /** JIT warm-up before the rounds: seconds per operation, at most. */
    static final int JIT_WARM_UP_SECONDS = 5;

    private static final UUID MIN_UUID = new UUID(0, 0);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "dao-overhead";
    }

    @Override
    public String description() {
        return "DAOs and workflows vs hand-written JDBC with the same SQL: median ratio DAO/JDBC";
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        try (HikariDataSource pool = context.server().pool(context.database(), 2, "techzone-bench-dao")) {
            Techzone tz = Techzone.create(pool);
            Fixture f = Fixture.load(pool);
            Jdbc jdbc = new Jdbc(pool);
            long[] checkoutCounters = new long[4];
            List<Comparison> comparisons = comparisons(tz, jdbc, pool, f, new int[] {0}, checkoutCounters);
            int[] perRound = {LOOKUPS, LOOKUPS, LOOKUPS, PAGES, 1, CHECKOUTS};
            if (context.options().warmup() > 0) {
                jitWarmUp(comparisons, perRound, context);
            }
            checkoutCounters[2] = 0;
            checkoutCounters[3] = 0;
            // Client CPU of each side (ThreadMXBean): robust where wall time is not, on a machine shared with others.
            long[][] cpu = new long[comparisons.size()][2];
            List<Comparison> timed = new ArrayList<>();
            for (int i = 0; i < comparisons.size(); i++) {
                timed.add(withCpu(comparisons.get(i), cpu[i]));
            }
            comparisons = timed;
            List<Outcome> outcomes = Interleaved.run(comparisons, context.options().warmup(), context.options().iterations(),
                    context.progress(), "dao-overhead");
            context.progress().done("dao-overhead: measured; counting round trips");
            double[][] roundTrips = roundTrips(context, f, perRound);
            long runs = (long) context.options().warmup() + context.options().iterations();
            context.progress().done("dao-overhead: measured");
            ResultTable.Builder table = ResultTable.builder("overhead", "DAO vs hand-written JDBC, same SQL (ms per operation)",
                    new Column("operation", "operation"), new Column("ops_per_round", "ops/round"),
                    new Column("dao_median_ms", "DAO median"), new Column("dao_p95_ms", "DAO p95"),
                    new Column("jdbc_median_ms", "JDBC median"), new Column("jdbc_p95_ms", "JDBC p95"),
                    new Column("ratio", "DAO/JDBC (x)"), new Column("target_ratio", "target (x)"),
                    new Column("target_met", "target met"), new Column("dao_round_trips", "DAO round trips/op"),
                    new Column("jdbc_round_trips", "JDBC round trips/op"),
                    new Column("dao_cpu_us", "DAO client CPU/op (µs)"), new Column("jdbc_cpu_us", "JDBC client CPU/op (µs)"),
                    new Column("cpu_ratio", "CPU DAO/JDBC (x)"));
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                int k = perRound[i];
                boolean isCheckout = o.name().equals("checkout");
                double daoCpu = (isCheckout ? checkoutCounters[2] : cpu[i][0]) / 1e3 / runs / k;
                double jdbcCpu = (isCheckout ? checkoutCounters[3] : cpu[i][1]) / 1e3 / runs / k;
                table.row("operation", o.name(), "ops_per_round", (long) k,
                        "dao_median_ms", o.a().medianMillis() / k, "dao_p95_ms", o.a().p95Millis() / k,
                        "jdbc_median_ms", o.b().medianMillis() / k, "jdbc_p95_ms", o.b().p95Millis() / k,
                        "ratio", o.ratio(), "target_ratio", TARGET_RATIOS.get(o.name()),
                        "target_met", TARGET_RATIOS.containsKey(o.name()) ? o.ratio() <= TARGET_RATIOS.get(o.name()) : null,
                        "dao_round_trips", roundTrips[i][0], "jdbc_round_trips", roundTrips[i][1],
                        "dao_cpu_us", daoCpu, "jdbc_cpu_us", jdbcCpu, "cpu_ratio", daoCpu / jdbcCpu);
            }
            return new WorkloadResult(name(), "DAO vs hand-written JDBC", List.of(table.build()), List.of(
                    "both sides share one HikariCP pool (TechzonePool defaults: reWriteBatchedInserts=true; 2 connections) "
                            + "and take a connection per operation, as the on-demand DAOs do; JDBC runs the DAO's own SQL "
                            + "(annotation or SQL file, named parameters turned into ?) and maps rows to the same records",
                    "point_lookup_attached runs the same lookups with one connection held for the round: the DAO "
                            + "attached once to a handle (Techzone.attach) against JDBC on one connection; the gap between "
                            + "it and point_lookup is the on-demand DAO's per-call cost (a pooled connection and a Jdbi handle per call)",
                    "point_lookup_jdbi_fluent: Jdbi's fluent API (handle.createQuery(sql).bind(\"id\", id).mapTo(Product.class).one(), "
                            + "the same SQL and record mapper) on one held handle against the same JDBC: the cost of a Jdbi statement "
                            + "itself, the floor of any DAO that runs Jdbi statements; it has no target",
                    "client CPU/op: the benchmark thread's CPU time (ThreadMXBean) over the --warmup and measured rounds, "
                            + "divided by the operations: the client's own cost, which a loaded machine barely skews (wall time "
                            + "also holds the server's work and waits for a core); for a checkout only the timed part; both "
                            + "sides of the batch insert include building their rows",
                    "round trips/op: counted on a separate pool of one connection whose sockets count them (each read "
                            + "after a write is one), running every operation once more after a first run; for a checkout only "
                            + "the timed part (the workflow's statements, on a transaction the trial opened), so neither the "
                            + "cart fill nor the rollback",
                    "a round runs " + LOOKUPS + " lookups (ProductDao.findById), " + PAGES + " first pages of "
                            + PAGE_SIZE + " (ProductDao.listActiveByCategory, keyset), one batch of " + BATCH_ROWS
                            + " products with their ledger rows (ProductDao.createAll vs JDBC addBatch/executeBatch "
                            + "of insertBatch.sql), " + CHECKOUTS + " checkouts of 1-3 item carts (Techzone.checkout() "
                            + "vs lockCart.sql + placeOrder.sql by JDBC); times are per operation (round time / ops)",
                    "before the rounds each operation runs on both sides until it has made " + JIT_WARM_UP_CALLS
                            + " calls or " + JIT_WARM_UP_SECONDS + " s passed (0.5 s below scale 0.01; JIT warm-up: what a running application "
                            + "pays per call, not a cold JVM's first calls), then the --warmup rounds; --warmup 0 skips both",
                    "writes run in a transaction that is rolled back (the batch insert: timed with its rollback; a "
                            + "checkout: the cart is filled untimed in the same transaction, only the checkout is timed), "
                            + "so the data set is left as found; commit (fsync) time, equal on both sides, is left out, "
                            + "which makes the ratio stricter"));
        }
    }

    /**
     * The operations, DAO side first; {@code round} numbers the batch inserts' SKUs, and
     * {@code checkoutCounters} adds up, for the timed part of each checkout, the round trips (DAO,
     * JDBC; when the pool counts them, {@link RoundTripCounter}) and the client thread's CPU
     * nanoseconds (DAO, JDBC).
     */
    private static List<Comparison> comparisons(Techzone tz, Jdbc jdbc, HikariDataSource pool, Fixture f, int[] round,
                                                long[] checkoutCounters) throws NoSuchMethodException {
        String findById = Jdbc.PRODUCT_SQL.getMethod("byId", UUID.class).getAnnotation(SqlQuery.class).value();
        return List.of(
                new Comparison("point_lookup", Interleaved.Trial.timed(() -> {
                    for (int i = 0; i < LOOKUPS; i++) {
                        tz.products().findById(f.product(i)).orElseThrow();
                    }
                }), Interleaved.Trial.timed(() -> {
                    for (int i = 0; i < LOOKUPS; i++) {
                        if (jdbc.findProduct(f.product(i)) == null) {
                            throw new IllegalStateException("product not found");
                        }
                    }
                })),
                // The same lookups on one connection held for the round: a DAO attached to the host's
                // handle once, against JDBC on one connection. This isolates the per-call cost of the
                // on-demand DAO (a handle and a fresh Jdbi extension per call) from the mapping.
                new Comparison("point_lookup_attached", Interleaved.Trial.timed(() -> {
                    try (Handle h = tz.jdbi().open()) {
                        ProductDao products = tz.attach(h, ProductDao.class);
                        for (int i = 0; i < LOOKUPS; i++) {
                            products.findById(f.product(i)).orElseThrow();
                        }
                    }
                }), Interleaved.Trial.timed(() -> jdbc.findProductsOnOneConnection(f, LOOKUPS))),
                // Jdbi's own fluent API on a held handle, the same SQL and record mapper, against the same JDBC:
                // what a Jdbi statement costs by itself, the floor of any DAO built on Jdbi statements.
                new Comparison("point_lookup_jdbi_fluent", Interleaved.Trial.timed(() -> {
                    String sql = findById.replace("<schema>.", "public.");
                    try (Handle h = tz.jdbi().open()) {
                        for (int i = 0; i < LOOKUPS; i++) {
                            h.createQuery(sql).bind("id", f.product(i)).mapTo(Product.class).one();
                        }
                    }
                }), Interleaved.Trial.timed(() -> jdbc.findProductsOnOneConnection(f, LOOKUPS))),
                new Comparison("listing_page", Interleaved.Trial.timed(() -> {
                    for (int i = 0; i < PAGES; i++) {
                        tz.products().listActiveByCategory(f.category(i), null, PAGE_SIZE);
                    }
                }), Interleaved.Trial.timed(() -> {
                    for (int i = 0; i < PAGES; i++) {
                        jdbc.activeByCategoryPage(f.category(i), PAGE_SIZE);
                    }
                })),
                new Comparison("batch_insert_1000", Interleaved.Trial.timed(() -> {
                    List<NewProduct> products = f.newProducts("dao", round[0]);
                    try (Handle h = tz.jdbi().open()) {
                        h.begin();
                        tz.attach(h, ProductDao.class).createAll(products);
                        h.rollback();
                    }
                }), Interleaved.Trial.timed(() -> {
                    jdbc.insertBatch(f.newProducts("jdbc", round[0]));
                    round[0]++;
                })),
                new Comparison("checkout", () -> {
                    long total = 0;
                    for (int i = 0; i < CHECKOUTS; i++) {
                        try (Handle h = tz.jdbi().open()) {
                            h.begin();
                            UUID user = f.user(i);
                            Fixture.fillCart(h.getConnection(), user, f.cart(i));
                            long trips = RoundTripCounter.count();
                            long cpu = CPU.getCurrentThreadCpuTime();
                            long start = System.nanoTime();
                            tz.checkout().checkout(h, CheckoutRequest.of(user));
                            total += System.nanoTime() - start;
                            checkoutCounters[2] += CPU.getCurrentThreadCpuTime() - cpu;
                            checkoutCounters[0] += RoundTripCounter.count() - trips;
                            h.rollback();
                        }
                    }
                    return total;
                }, () -> {
                    long total = 0;
                    for (int i = 0; i < CHECKOUTS; i++) {
                        try (Connection c = pool.getConnection()) {
                            c.setAutoCommit(false);
                            UUID user = f.user(i);
                            Fixture.fillCart(c, user, f.cart(i));
                            long trips = RoundTripCounter.count();
                            long cpu = CPU.getCurrentThreadCpuTime();
                            long start = System.nanoTime();
                            jdbc.checkout(c, user);
                            total += System.nanoTime() - start;
                            checkoutCounters[3] += CPU.getCurrentThreadCpuTime() - cpu;
                            checkoutCounters[1] += RoundTripCounter.count() - trips;
                            c.rollback();
                            c.setAutoCommit(true);
                        }
                    }
                    return total;
                }));
    }

    /** {@code c} with each side's thread CPU time added to {@code cpu} (A, B). */
    private static Comparison withCpu(Comparison c, long[] cpu) {
        return new Comparison(c.name(), () -> {
            long start = CPU.getCurrentThreadCpuTime();
            long nanos = c.a().run();
            cpu[0] += CPU.getCurrentThreadCpuTime() - start;
            return nanos;
        }, () -> {
            long start = CPU.getCurrentThreadCpuTime();
            long nanos = c.b().run();
            cpu[1] += CPU.getCurrentThreadCpuTime() - start;
            return nanos;
        });
    }

    /**
     * Runs both sides of every comparison until each has made {@value #JIT_WARM_UP_CALLS} calls or
     * {@value #JIT_WARM_UP_SECONDS} s passed, before the warm-up rounds: the DAO side runs far more
     * code than the JDBC side, and a few thousand calls leave much of it interpreted or half
     * compiled, which is not the cost a running application pays per call. Skipped with
     * {@code --warmup 0} (the CI smoke).
     */
    private static void jitWarmUp(List<Comparison> comparisons, int[] perRound, BenchContext context) throws Exception {
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            context.progress().update("dao-overhead: JIT warm-up of " + c.name() + "...");
            // Smoke-test sizes (scale < 0.01, as in CI) get a tenth of the time.
            double seconds = context.options().sizes().scale() < 0.01 ? JIT_WARM_UP_SECONDS / 10.0 : JIT_WARM_UP_SECONDS;
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            for (long calls = 0; calls < JIT_WARM_UP_CALLS && System.nanoTime() - deadline < 0; calls += perRound[i]) {
                c.a().run();
                c.b().run();
            }
        }
    }

    /**
     * Round trips per operation, DAO and JDBC: each operation run once more, on a pool of one
     * connection that counts them, after a first run that prepares its statements.
     */
    private static double[][] roundTrips(BenchContext context, Fixture f, int[] perRound) throws Exception {
        HikariConfig config = RoundTripCounter.enable(context.server().poolConfig(context.database(), 1,
                "techzone-bench-dao-round-trips"));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            long[] checkout = new long[4];
            List<Comparison> comparisons = comparisons(Techzone.create(pool), new Jdbc(pool), pool, f, new int[] {1_000}, checkout);
            double[][] trips = new double[comparisons.size()][2];
            for (int i = 0; i < comparisons.size(); i++) {
                Comparison c = comparisons.get(i);
                c.a().run();
                c.b().run();
                checkout[0] = 0;
                checkout[1] = 0;
                long start = RoundTripCounter.count();
                c.a().run();
                long afterA = RoundTripCounter.count();
                c.b().run();
                long afterB = RoundTripCounter.count();
                boolean isCheckout = c.name().equals("checkout");
                trips[i][0] = (double) (isCheckout ? checkout[0] : afterA - start) / perRound[i];
                trips[i][1] = (double) (isCheckout ? checkout[1] : afterB - afterA) / perRound[i];
            }
            return trips;
        }
    }

    /** The inputs: products, categories, users without a cart, fixed seed. */
    record Fixture(List<UUID> products, List<UUID> categories, List<UUID> users, List<UUID> hot) {

        static Fixture load(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection()) {
                return new Fixture(ids(c, "SELECT id FROM products ORDER BY sku"),
                        ids(c, "SELECT category_id FROM products WHERE is_active AND category_id IS NOT NULL "
                                + "GROUP BY category_id ORDER BY count(*) DESC, category_id"),
                        ids(c, "SELECT id FROM users u WHERE NOT EXISTS (SELECT FROM cart_items c WHERE c.user_id = u.id) "
                                + "ORDER BY id LIMIT " + CHECKOUTS),
                        ids(c, "SELECT id FROM products WHERE is_active AND stock >= 10 ORDER BY sku LIMIT 50"));
            }
        }

        static List<UUID> ids(Connection c, String sql) throws SQLException {
            List<UUID> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalStateException("dao-overhead: the data set has no rows for " + sql);
            }
            return ids;
        }

        UUID product(int i) {
            return products.get((int) ((i * 7919L) % products.size()));
        }

        UUID category(int i) {
            return categories.get(i % categories.size());
        }

        UUID user(int i) {
            return users.get(i % users.size());
        }

        /** 1-3 distinct hot products. */
        List<UUID> cart(int i) {
            SplittableRandom random = new SplittableRandom(i);
            int n = 1 + random.nextInt(3);
            List<UUID> cart = new ArrayList<>();
            while (cart.size() < Math.min(n, hot.size())) {
                UUID p = hot.get(random.nextInt(hot.size()));
                if (!cart.contains(p)) {
                    cart.add(p);
                }
            }
            return cart;
        }

        List<NewProduct> newProducts(String side, int round) {
            List<NewProduct> rows = new ArrayList<>(BATCH_ROWS);
            for (int i = 0; i < BATCH_ROWS; i++) {
                rows.add(new NewProduct(category(i), String.format(Locale.ROOT, "bench-%s-%d-%d", side, round, i),
                        "Bench product " + i, null, new BigDecimal("19.99"), 10, 5));
            }
            return rows;
        }

        static void fillCart(Connection c, UUID user, List<UUID> products) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cart_items (user_id, product_id, quantity) SELECT ?, unnest(?::uuid[]), 1")) {
                ps.setObject(1, user);
                ps.setArray(2, c.createArrayOf("uuid", products.toArray()));
                ps.executeUpdate();
            }
        }
    }

    /** Hand-written JDBC running the library's SQL. */
    static final class Jdbc {
        private final DataSource pool;
        private final NamedSql findById;
        private final NamedSql activeByCategory;
        /**
         * The internal SqlObject behind {@link ProductDao}, which holds its SQL: named, not imported,
         * since no module may import another's internal package; the benchmark must run the very SQL the DAO runs.
         */
        static final Class<?> PRODUCT_SQL = internalType("com.techzone.core.internal.dao.ProductSql");
        private final NamedSql insertBatch = NamedSql.resource(PRODUCT_SQL, "insertBatch");
        private final NamedSql lockCart = NamedSql.resource(Checkout.class, "lockCart");
        private final NamedSql placeOrder = NamedSql.resource(Checkout.class, "placeOrder");

        Jdbc(DataSource pool) throws NoSuchMethodException {
            this.pool = pool;
            this.findById = NamedSql.parse(PRODUCT_SQL.getMethod("byId", UUID.class)
                    .getAnnotation(SqlQuery.class).value());
            this.activeByCategory = NamedSql.parse(PRODUCT_SQL.getMethod("activeByCategoryAfter", UUID.class,
                    String.class, UUID.class, int.class).getAnnotation(SqlQuery.class).value());
        }

        private static Class<?> internalType(String name) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The DAO SQL moved: no " + name, e);
            }
        }

        Product findProduct(UUID id) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(findById.jdbc())) {
                set(ps, findById, "id", id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? product(rs) : null;
                }
            }
        }

        void findProductsOnOneConnection(Fixture f, int count) throws SQLException {
            try (Connection c = pool.getConnection()) {
                for (int i = 0; i < count; i++) {
                    try (PreparedStatement ps = c.prepareStatement(findById.jdbc())) {
                        set(ps, findById, "id", f.product(i));
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next() || product(rs) == null) {
                                throw new IllegalStateException("product not found");
                            }
                        }
                    }
                }
            }
        }

        Page<Product> activeByCategoryPage(UUID categoryId, int pageSize) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(activeByCategory.jdbc())) {
                set(ps, activeByCategory, "categoryId", categoryId);
                set(ps, activeByCategory, "afterName", "");
                set(ps, activeByCategory, "afterId", MIN_UUID);
                set(ps, activeByCategory, "limit", pageSize + 1);
                List<Product> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(product(rs));
                    }
                }
                boolean more = rows.size() > pageSize;
                List<Product> items = more ? rows.subList(0, pageSize) : rows;
                Product last = items.isEmpty() ? null : items.get(items.size() - 1);
                return new Page<>(List.copyOf(items), more && last != null ? last.name() + "|" + last.id() : null);
            }
        }

        void insertBatch(List<NewProduct> products) throws SQLException {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(insertBatch.jdbc())) {
                    for (NewProduct p : products) {
                        set(ps, insertBatch, "id", UuidV7.next());
                        set(ps, insertBatch, "logId", UuidV7.next());
                        set(ps, insertBatch, "p.categoryId", p.categoryId());
                        set(ps, insertBatch, "p.sku", p.sku());
                        set(ps, insertBatch, "p.name", p.name());
                        set(ps, insertBatch, "p.description", p.description());
                        set(ps, insertBatch, "p.price", p.price());
                        set(ps, insertBatch, "p.initialStock", p.initialStock());
                        set(ps, insertBatch, "p.lowStockThreshold", p.lowStockThreshold());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }

        /** Checkout.run without an idempotency key, by hand: lock and read the cart, check stock, total, write. */
        Order checkout(Connection c, UUID userId) throws SQLException {
            record Line(UUID productId, String sku, String name, BigDecimal price, int stock, boolean active, int quantity) {
            }
            List<Line> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(lockCart.jdbc())) {
                set(ps, lockCart, "userId", userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new Line(rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("name"),
                                rs.getBigDecimal("price"), rs.getInt("stock"), rs.getBoolean("is_active"), rs.getInt("quantity")));
                    }
                }
            }
            if (lines.isEmpty()) {
                throw new IllegalStateException("empty cart");
            }
            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            for (Line l : lines) {
                if (!l.active() || l.quantity() > l.stock()) {
                    throw new IllegalStateException("short of " + l.sku());
                }
                subtotal = subtotal.add(l.price().multiply(BigDecimal.valueOf(l.quantity())));
            }
            BigDecimal zero = BigDecimal.ZERO;
            BigDecimal tax = subtotal.multiply(zero).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal total = subtotal.add(tax).setScale(2, RoundingMode.HALF_EVEN);
            int n = lines.size();
            Object[] itemIds = new Object[n];
            Object[] logIds = new Object[n];
            Object[] productIds = new Object[n];
            Object[] quantities = new Object[n];
            Object[] prices = new Object[n];
            Object[] names = new Object[n];
            Object[] skus = new Object[n];
            for (int i = 0; i < n; i++) {
                Line l = lines.get(i);
                itemIds[i] = UuidV7.next();
                logIds[i] = UuidV7.next();
                productIds[i] = l.productId();
                quantities[i] = l.quantity();
                prices[i] = l.price().toPlainString();
                names[i] = l.name();
                skus[i] = l.sku();
            }
            try (PreparedStatement ps = c.prepareStatement(placeOrder.jdbc())) {
                set(ps, placeOrder, "orderId", UuidV7.next());
                set(ps, placeOrder, "userId", userId);
                set(ps, placeOrder, "currency", "USD");
                set(ps, placeOrder, "subtotal", subtotal);
                set(ps, placeOrder, "tax", tax);
                set(ps, placeOrder, "shipping", zero);
                set(ps, placeOrder, "discount", zero);
                set(ps, placeOrder, "total", total);
                set(ps, placeOrder, "shippingAddress", null);
                set(ps, placeOrder, "idempotencyKey", null);
                set(ps, placeOrder, "idempotencyFingerprint", null);
                set(ps, placeOrder, "historyId", UuidV7.next());
                set(ps, placeOrder, "itemIds", c.createArrayOf("uuid", itemIds));
                set(ps, placeOrder, "logIds", c.createArrayOf("uuid", logIds));
                set(ps, placeOrder, "productIds", c.createArrayOf("uuid", productIds));
                set(ps, placeOrder, "quantities", c.createArrayOf("int4", quantities));
                set(ps, placeOrder, "prices", c.createArrayOf("text", prices));
                set(ps, placeOrder, "names", c.createArrayOf("text", names));
                set(ps, placeOrder, "skus", c.createArrayOf("text", skus));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Order(rs.getObject("id", UUID.class), rs.getLong("order_number"),
                            rs.getObject("user_id", UUID.class), OrderStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                            rs.getString("currency"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("tax"),
                            rs.getBigDecimal("shipping"), rs.getBigDecimal("discount"), rs.getBigDecimal("total"),
                            rs.getString("shipping_address"), rs.getString("idempotency_key"),
                            instant(rs, "created_at"), instant(rs, "updated_at"));
                }
            }
        }

        static Product product(ResultSet rs) throws SQLException {
            return new Product(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class), rs.getString("sku"),
                    rs.getString("name"), rs.getString("description"), rs.getBigDecimal("price"), rs.getInt("stock"),
                    rs.getInt("low_stock_threshold"), rs.getBoolean("is_active"), rs.getInt("version"),
                    instant(rs, "created_at"), instant(rs, "updated_at"));
        }

        static Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        static void set(PreparedStatement ps, NamedSql sql, String name, Object value) throws SQLException {
            for (int position : sql.positions(name)) {
                if (value instanceof Array array) {
                    ps.setArray(position, array);
                } else {
                    ps.setObject(position, value);
                }
            }
        }
    }
}
