package com.techzone.examples.bench;

import com.techzone.examples.bench.ResultTable.Column;
import com.techzone.health.CheckGroup;
import com.techzone.health.HealthReport;
import com.techzone.health.Status;
import com.techzone.health.TechzoneHealth;
import com.techzone.migrations.TechzoneMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code health}: the full health check (every group) on the data set's database, then on a separate
 * database (created, migrated, dropped) holding the TechZone schema plus 100 and then 1,000 extra
 * tables of 5 indexes each: time per run.
 */
final class HealthWorkload implements Workload {

    static final String DATABASE = "techzone_bench_health";
    static final int INDEXES_PER_TABLE = 5;
    static final double TARGET_SCHEMA_SECONDS = 1;
    static final double TARGET_1000_TABLES_SECONDS = 10;

    @Override
    public String name() {
        return "health";
    }

    @Override
    public String description() {
        return "full health check on the data set, and with 100 / 1,000 extra tables: time per run";
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        int warmup = context.options().warmup();
        int iterations = context.options().iterations();
        int extraIterations = Math.max(1, Math.min(iterations, 5));
        ResultTable.Builder table = ResultTable.builder("runs", "Full health check (all groups), seconds per run",
                new Column("database", "database"), new Column("extra_tables", "extra tables"),
                new Column("runs", "runs"), new Column("median_s", "median (s)"), new Column("p95_s", "p95 (s)"),
                new Column("checks", "checks"), new Column("unknown", "UNKNOWN checks"),
                new Column("unknown_ids", "which UNKNOWN (last run)"), new Column("domain_s", "group D (s, last run)"),
                new Column("target_s", "target (s)"), new Column("target_met", "target met"));
        add(table, "data set (" + context.database() + ")", 0, context.dataSource(), warmup, iterations,
                TARGET_SCHEMA_SECONDS, context.progress());
        BenchServer server = context.server();
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE, null);
        try {
            DataSource extra = server.dataSource(DATABASE);
            TechzoneMigrations.migrate(extra);
            add(table, DATABASE + " (schema only)", 0, extra, Math.min(warmup, 1), extraIterations,
                    TARGET_SCHEMA_SECONDS, context.progress());
            addTables(extra, 0, 100, context.progress());
            add(table, DATABASE, 100, extra, Math.min(warmup, 1), extraIterations, null, context.progress());
            addTables(extra, 100, 1_000, context.progress());
            add(table, DATABASE, 1_000, extra, Math.min(warmup, 1), extraIterations, TARGET_1000_TABLES_SECONDS,
                    context.progress());
        } finally {
            server.dropDatabase(DATABASE);
        }
        context.progress().done("health: measured");
        return new WorkloadResult(name(), "Health check cost", List.of(table.build()), List.of(
                "TechzoneHealth.configure(dataSource).groups(all " + CheckGroup.values().length
                        + " groups).build().run(), on an unpooled data source; time = the whole run(), "
                        + "including connecting; group D = the sum of its five checks' durations",
                "the data set's database: " + warmup + " warm-up and " + iterations + " measured runs; the separate "
                        + "database " + DATABASE + " (migrated, empty TechZone schema, then extra tables "
                        + "bench_extra_N (id bigint primary key, a..d int, e text) with " + INDEXES_PER_TABLE
                        + " indexes each: the primary key and 4 secondary, analyzed): at most 1 warm-up and "
                        + extraIterations + " measured runs per size; created and dropped by the workload"));
    }

    private static void add(ResultTable.Builder table, String database, int extraTables, DataSource ds, int warmup,
                            int iterations, Double target, Progress progress) {
        long[] samples = new long[iterations];
        HealthReport last = null;
        TechzoneHealth health = TechzoneHealth.configure(ds).groups(CheckGroup.values()).build();
        for (int i = 0; i < warmup + iterations; i++) {
            progress.update("health: " + database + " +" + extraTables + " tables, run " + (i + 1) + "/" + (warmup + iterations));
            long start = System.nanoTime();
            last = health.run();
            long took = System.nanoTime() - start;
            if (i >= warmup) {
                samples[i - warmup] = took;
            }
        }
        LatencyStats stats = LatencyStats.of(samples);
        long unknown = last.checks().stream().filter(c -> c.status() == Status.UNKNOWN).count();
        String unknownIds = String.join(" ", last.checks().stream().filter(c -> c.status() == Status.UNKNOWN)
                .map(c -> c.id()).toList());
        double domainSeconds = last.checks().stream().filter(c -> c.group() == CheckGroup.DOMAIN)
                .mapToLong(c -> c.duration().toNanos()).sum() / 1e9;
        double median = stats.medianNanos() / 1e9;
        table.row("database", database, "extra_tables", (long) extraTables, "runs", (long) iterations,
                "median_s", median, "p95_s", stats.p95Nanos() / 1e9, "checks", (long) last.checks().size(),
                "unknown", unknown, "unknown_ids", unknownIds, "domain_s", domainSeconds, "target_s", target, "target_met", target == null ? null : median < target);
    }

    private static void addTables(DataSource ds, int from, int to, Progress progress) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = from; i < to; i++) {
                if (i % 100 == 0) {
                    progress.update("health: creating extra tables " + i + "/" + to);
                }
                String t = "bench_extra_" + i;
                s.addBatch("CREATE TABLE " + t + " (id bigint PRIMARY KEY, a int, b int, c int, d int, e text)");
                s.addBatch("CREATE INDEX " + t + "_a ON " + t + " (a)");
                s.addBatch("CREATE INDEX " + t + "_b ON " + t + " (b)");
                s.addBatch("CREATE INDEX " + t + "_c ON " + t + " (c, d)");
                s.addBatch("CREATE INDEX " + t + "_e ON " + t + " (e)");
                s.addBatch("INSERT INTO " + t + " SELECT g, g % 7, g % 11, g % 13, g, md5(g::text) FROM generate_series(1, 10) g");
                if (i % 50 == 49) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
            s.execute("ANALYZE");
        }
    }
}
