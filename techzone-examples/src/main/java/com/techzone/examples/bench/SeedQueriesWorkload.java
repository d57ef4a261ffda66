package com.techzone.examples.bench;

import com.techzone.examples.bench.Interleaved.Comparison;
import com.techzone.examples.bench.Interleaved.Outcome;
import com.techzone.examples.bench.ResultTable.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code seed-queries}: the seed report's "Query Performance Impact" examples and the main listings,
 * timed on the report's "before" index set (primary keys, unique and exclusion constraints only:
 * every {@code idx_} index dropped) against the migrations' index set, interleaved; and the index set
 * of the baseline version (V5) against the latest (V6), so an index change shows what it costs or
 * gains per query. "Before" is a copy of the data set's database ({@code CREATE DATABASE ... TEMPLATE}),
 * dropped at the end; the baseline is the runner's copy taken before the newer migrations.
 */
final class SeedQueriesWorkload implements Workload {

    /** Each side of a round repeats its query for at least this long (20 ms) and counts the mean of one run. */
    static final long TRIAL_NANOS = 20_000_000L;

    /**
     * One query.
     *
     * @param key its JSON name
     * @param claim the report's estimate for it, or null where the report claims nothing
     * @param sql the statement, with ? for the fixture values named in params
     * @param params names of {@link #fixtures} values, in order
     */
    record SeedQuery(String key, String claim, String sql, List<String> params) {
    }

    private static final String DASHBOARD = "50-80% faster (dashboard)";

    static final List<SeedQuery> QUERIES = List.of(
            new SeedQuery("dashboard_orders_by_status", DASHBOARD,
                    "SELECT status, count(*) FROM orders GROUP BY status", List.of()),
            new SeedQuery("dashboard_open_orders_count", DASHBOARD,
                    "SELECT count(*) FROM orders WHERE status IN ('pending', 'processing')", List.of()),
            new SeedQuery("dashboard_oldest_pending_orders", DASHBOARD,
                    "SELECT * FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50", List.of()),
            // The DAO's fulfilment queue (OrderDao.listByStatus(PENDING, null, 50)), the same 50 oldest
            // pending orders with the keyset's tie-break: its (status, created_at) row condition makes
            // idx_orders_status serve it.
            new SeedQuery("fulfilment_queue_first_page", null, """
                    SELECT * FROM orders
                    WHERE status = 'pending'::order_status
                      AND (created_at, id) > ('-infinity'::timestamptz, '00000000-0000-0000-0000-000000000000'::uuid)
                      AND (status, created_at) >= ('pending'::order_status, '-infinity'::timestamptz)
                    ORDER BY created_at, id LIMIT 51""", List.of()),
            new SeedQuery("dashboard_active_products_count", DASHBOARD,
                    "SELECT count(*) FROM products WHERE is_active", List.of()),
            new SeedQuery("dashboard_low_stock_products", DASHBOARD,
                    "SELECT id, sku, name, stock FROM products WHERE stock <= low_stock_threshold ORDER BY stock LIMIT 50",
                    List.of()),
            new SeedQuery("dashboard_pending_reviews", DASHBOARD,
                    "SELECT * FROM reviews WHERE NOT is_approved ORDER BY created_at, id LIMIT 50", List.of()),
            new SeedQuery("dashboard_revenue_last_7_days", DASHBOARD,
                    "SELECT count(*), sum(total) FROM orders WHERE created_at >= now() - interval '7 days' AND status <> 'cancelled'",
                    List.of()),
            new SeedQuery("category_active_products", "90% faster",
                    "SELECT * FROM products WHERE category_id = ? AND is_active = true", List.of("category")),
            new SeedQuery("category_listing_page", null,
                    "SELECT * FROM products WHERE category_id = ? AND is_active ORDER BY name, id LIMIT 20",
                    List.of("category")),
            new SeedQuery("user_pending_processing_orders", "95% faster",
                    "SELECT * FROM orders WHERE user_id = ? AND status IN ('pending', 'processing')", List.of("user")),
            new SeedQuery("user_orders_keyset_page", null,
                    "SELECT * FROM orders WHERE user_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT 20",
                    List.of("user", "cursor_created_at", "cursor_id")),
            new SeedQuery("order_lines", null, "SELECT * FROM order_items WHERE order_id = ?", List.of("order")),
            new SeedQuery("order_status_history", null,
                    "SELECT * FROM order_status_history WHERE order_id = ? ORDER BY created_at", List.of("order")),
            new SeedQuery("product_approved_reviews", null,
                    "SELECT * FROM reviews WHERE product_id = ? AND is_approved ORDER BY created_at DESC, id DESC LIMIT 20",
                    List.of("product")),
            new SeedQuery("product_stock_history", null,
                    "SELECT * FROM inventory_logs WHERE product_id = ? ORDER BY created_at DESC LIMIT 50",
                    List.of("product")),
            new SeedQuery("service_bookings_in_window", null,
                    "SELECT * FROM bookings WHERE service_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at",
                    List.of("service", "window_start", "window_end")));

    @Override
    public String name() {
        return "seed-queries";
    }

    @Override
    public String description() {
        return "The seed report's example queries and the main listings, before and after the migrations' indexes";
    }

    @Override
    public boolean usesBaseline() {
        return true;
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        String after = context.database();
        String before = after + "_before";
        context.progress().update("seed-queries: copying the database for the 'before' index set...");
        context.server().dropDatabase(before);
        context.server().createDatabase(before, after);
        try {
            int dropped = dropIdxIndexes(context.server().dataSource(before));
            analyze(context.server().dataSource(before));
            analyze(context.dataSource());
            analyze(context.server().dataSource(context.baseline()));
            Map<String, Object> fixtures = fixtures(context);
            try (Connection a = context.server().dataSource(before).getConnection();
                 Connection b = context.dataSource().getConnection();
                 Connection control = context.dataSource().getConnection();
                 Connection v = context.server().dataSource(context.baseline()).getConnection()) {
                List<Comparison> comparisons = new ArrayList<>();
                Map<String, Long> rows = new HashMap<>();
                for (SeedQuery q : QUERIES) {
                    PreparedStatement psA = prepare(a, q, fixtures);
                    PreparedStatement psB = prepare(b, q, fixtures);
                    PreparedStatement psV = prepare(v, q, fixtures);
                    PreparedStatement psControl = prepare(control, q, fixtures);
                    rows.put(q.key(), drain(psB));
                    comparisons.add(new Comparison(q.key(), Interleaved.Trial.repeated(() -> drain(psA), TRIAL_NANOS),
                            Interleaved.Trial.repeated(() -> drain(psB), TRIAL_NANOS)));
                    comparisons.add(new Comparison(q.key() + " (baseline)", Interleaved.Trial.repeated(() -> drain(psV), TRIAL_NANOS),
                            Interleaved.Trial.repeated(() -> drain(psB), TRIAL_NANOS)));
                    // A/A: the latest index set against itself through a second connection, in the same place of the
                    // round: how far two measurements of one query apart can be on this machine.
                    comparisons.add(new Comparison(q.key() + " (A/A)", Interleaved.Trial.repeated(() -> drain(psControl), TRIAL_NANOS),
                            Interleaved.Trial.repeated(() -> drain(psB), TRIAL_NANOS)));
                }
                List<Outcome> outcomes = Interleaved.run(comparisons, context.options().warmup(),
                        context.options().iterations(), context.progress(), "seed-queries");
                context.progress().done("seed-queries: " + QUERIES.size() + " queries measured");
                return result(outcomes, rows, plans(a, fixtures), plans(v, fixtures), plans(b, fixtures), dropped, fixtures);
            }
        } finally {
            context.server().dropDatabase(before);
        }
    }

    private static WorkloadResult result(List<Outcome> outcomes, Map<String, Long> rows, Map<String, String> plansBefore,
                                         Map<String, String> plansBaseline, Map<String, String> plansAfter, int dropped,
                                         Map<String, Object> fixtures) {
        ResultTable.Builder latency = ResultTable.builder("latency", "Latency, before vs after the indexes (ms)",
                new Column("query", "query"), new Column("rows", "rows"),
                new Column("before_median_ms", "before median"), new Column("before_p95_ms", "before p95"),
                new Column("after_median_ms", "after median"), new Column("after_p95_ms", "after p95"),
                new Column("speedup", "speedup (x)"), new Column("faster_percent", "faster (%)"),
                new Column("claimed", "report claims"));
        ResultTable.Builder baseline = ResultTable.builder("baseline",
                "Latency, the V" + BenchRunner.BASELINE_VERSION + " index set vs the latest (ms)",
                new Column("query", "query"), new Column("baseline_median_ms", "V" + BenchRunner.BASELINE_VERSION + " median"),
                new Column("baseline_p95_ms", "V" + BenchRunner.BASELINE_VERSION + " p95"),
                new Column("after_median_ms", "latest median"), new Column("after_p95_ms", "latest p95"),
                new Column("speedup", "speedup (x)"), new Column("control_ratio", "A/A control (x)"),
                new Column("plan_changed", "plan changed"));
        ResultTable.Builder plans = ResultTable.builder("plans", "Plans (scan nodes from EXPLAIN)",
                new Column("query", "query"), new Column("sql", "SQL"),
                new Column("plan_before", "before"), new Column("plan_baseline", "V" + BenchRunner.BASELINE_VERSION),
                new Column("plan_after", "latest"));
        for (int i = 0; i < QUERIES.size(); i++) {
            Outcome o = outcomes.get(3 * i);
            Outcome v = outcomes.get(3 * i + 1);
            Outcome aa = outcomes.get(3 * i + 2);
            SeedQuery q = QUERIES.get(i);
            baseline.row("query", q.key(), "baseline_median_ms", v.a().medianMillis(), "baseline_p95_ms", v.a().p95Millis(),
                    "after_median_ms", v.b().medianMillis(), "after_p95_ms", v.b().p95Millis(), "speedup", v.ratio(),
                    "control_ratio", aa.ratio(), "plan_changed", !plansBaseline.get(q.key()).equals(plansAfter.get(q.key())));
            latency.row("query", q.key(), "rows", rows.get(q.key()),
                    "before_median_ms", o.a().medianMillis(), "before_p95_ms", o.a().p95Millis(),
                    "after_median_ms", o.b().medianMillis(), "after_p95_ms", o.b().p95Millis(),
                    "speedup", o.ratio(), "faster_percent", 100.0 * (1 - 1 / o.ratio()), "claimed", q.claim());
            plans.row("query", q.key(), "sql", q.sql(), "plan_before", plansBefore.get(q.key()),
                    "plan_baseline", plansBaseline.get(q.key()), "plan_after", plansAfter.get(q.key()));
        }
        return new WorkloadResult("seed-queries",
                "the report's queries on its 'before' index set vs the migrations' indexes",
                List.of(latency.build(), baseline.build(), plans.build()),
                List.of("before = primary keys, unique and exclusion constraints only (" + dropped
                                + " idx_ indexes dropped from a copy of the database); after = latest = the migrations' "
                                + "indexes; V" + BenchRunner.BASELINE_VERSION + " = the data set before the newer "
                                + "migrations (a copy taken by the runner); each query's three comparisons interleaved",
                        "A/A control = the latest index set against itself through a second connection to the same "
                                + "database, measured like the V" + BenchRunner.BASELINE_VERSION + " comparison: a speedup "
                                + "as far from 1 as the control's is within this machine's resolution for that query",
                        "speedup = before median / after median; faster (%) = 1 - after/before, the report's measure",
                        "parameters: the largest category, the customer ranked 1% by order count, the best-selling "
                                + "product (most order lines), service 1, the customer's newest order; user "
                                + fixtures.get("user") + ", product " + fixtures.get("product"),
                        "each query runs as a prepared statement on one connection per side; all rows are read; a round's sample "
                                + "is the mean of as many runs as fill 20 ms (one run for a slower query), so a sub-millisecond query "
                                + "is not judged by one scheduler hiccup"));
    }

    private static int dropIdxIndexes(javax.sql.DataSource dataSource) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT format('DROP INDEX %I.%I', n.nspname, i.relname)
                    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
                    WHERE n.nspname = current_schema() AND i.relname LIKE 'idx\\_%'
                      AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.oid)""")) {
                while (rs.next()) {
                    drops.add(rs.getString(1));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        return drops.size();
    }

    private static void analyze(javax.sql.DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** Values the queries run with, read from the data set (the same in both databases). */
    private static Map<String, Object> fixtures(BenchContext context) throws SQLException {
        Map<String, Object> f = new HashMap<>();
        int rank = Math.max(0, context.options().sizes().users() / 100);
        try (Connection c = context.dataSource().getConnection(); Statement s = c.createStatement()) {
            f.put("category", single(s, "SELECT category_id FROM products WHERE is_active AND category_id IS NOT NULL "
                    + "GROUP BY category_id ORDER BY count(*) DESC, category_id LIMIT 1"));
            f.put("user", single(s, "SELECT user_id FROM orders GROUP BY user_id ORDER BY count(*) DESC, user_id "
                    + "OFFSET " + rank + " LIMIT 1"));
            f.put("product", single(s, "SELECT product_id FROM order_items WHERE product_id IS NOT NULL "
                    + "GROUP BY product_id ORDER BY count(*) DESC, product_id LIMIT 1"));
            f.put("service", single(s, "SELECT id FROM services ORDER BY name = 'Service 1' DESC, id LIMIT 1"));
            f.put("window_start", single(s, "SELECT date_trunc('day', now())"));
            f.put("window_end", single(s, "SELECT date_trunc('day', now()) + interval '30 days'"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at FROM orders WHERE user_id = ? "
                    + "ORDER BY created_at DESC, id DESC")) {
                ps.setObject(1, f.get("user"));
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; rs.next() && i < 20; i++) {
                        if (i == 0) {
                            f.put("order", rs.getObject(1));
                        }
                        f.put("cursor_id", rs.getObject(1));
                        f.put("cursor_created_at", rs.getObject(2, java.time.OffsetDateTime.class));
                    }
                }
            }
        }
        return f;
    }

    private static Object single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("The data set has no row for a seed-queries parameter: " + sql);
            }
            Object value = rs.getObject(1);
            return value instanceof java.sql.Timestamp ? rs.getObject(1, java.time.OffsetDateTime.class) : value;
        }
    }

    private static PreparedStatement prepare(Connection c, SeedQuery q, Map<String, Object> fixtures) throws SQLException {
        return bind(c.prepareStatement(q.sql()), q, fixtures);
    }

    private static PreparedStatement bind(PreparedStatement ps, SeedQuery q, Map<String, Object> fixtures) throws SQLException {
        for (int i = 0; i < q.params().size(); i++) {
            ps.setObject(i + 1, fixtures.get(q.params().get(i)));
        }
        return ps;
    }

    private static long drain(PreparedStatement ps) throws SQLException {
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> plans(Connection c, Map<String, Object> fixtures) throws SQLException {
        Map<String, String> plans = new HashMap<>();
        for (SeedQuery q : QUERIES) {
            try (PreparedStatement ps = bind(c.prepareStatement("EXPLAIN (FORMAT JSON) " + q.sql()), q, fixtures);
                 ResultSet rs = ps.executeQuery()) {
                StringBuilder json = new StringBuilder();
                while (rs.next()) {
                    json.append(rs.getString(1));
                }
                plans.put(q.key(), PlanSummary.scans(json.toString()));
            }
        }
        return plans;
    }
}
