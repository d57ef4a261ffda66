package com.techzone.examples.bench;

import com.techzone.migrations.TechzoneMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One benchmark run: picks the database, migrates it to {@link #BASELINE_VERSION}, generates the data set,
 * checks its invariants, copies it as the baseline if a workload compares against it, migrates it to the
 * latest version, then runs the workloads on it. On an embedded server the data goes into a new database
 * {@value #DATABASE}; on an external one into the database of the URL if it holds no tables, else
 * into a new database {@value #DATABASE}_&lt;epoch seconds&gt;, dropped at the end.
 */
public final class BenchRunner {

    /** Name of the database the data set is generated into, when the runner creates one. */
    public static final String DATABASE = "techzone_bench";
    /**
     * The schema version the data set is generated at: the version before the newest index change (V6), so
     * {@code seed-queries} can compare the two index sets and {@code migrate-live} can apply V6 under load.
     */
    public static final String BASELINE_VERSION = "5";

    private final BenchServer server;
    private final BenchOptions options;
    private final Progress progress;

    /** A runner on a server, with sizes and rounds, reporting progress on the given line. */
    public BenchRunner(BenchServer server, BenchOptions options, Progress progress) {
        this.server = server;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the workloads. If the generated data breaks an invariant, no workload runs and the
     * report says so ({@link BenchReport#consistent()} is false).
     *
     * @param name the workload name asked for, for the report
     * @throws SQLException if the server refuses (cannot create a database, a query fails)
     * @throws Exception whatever a workload throws
     */
    public BenchReport run(String name, List<Workload> workloads) throws Exception {
        Instant started = Instant.now();
        String database;
        boolean created;
        String baseline = null;
        if (server.kind().equals("external") && !server.givenDatabase().isEmpty() && holdsNoTables(server.givenDatabase())) {
            database = server.givenDatabase();
            created = false;
        } else {
            database = server.kind().equals("embedded") ? DATABASE : DATABASE + "_" + started.getEpochSecond();
            progress.update("creating database " + database + "...");
            server.createDatabase(database, null);
            created = true;
        }
        try {
            DataSource dataSource = server.dataSource(database);
            progress.update("migrating " + database + "...");
            TechzoneMigrations.configure(dataSource).target(BASELINE_VERSION).load().migrate();
            GeneratedData data = new DataGenerator(options.sizes(), progress).generate(dataSource);
            progress.update("checking the data's invariants...");
            List<DataInvariants.Violation> violations = DataInvariants.check(dataSource);
            progress.done(violations.isEmpty() ? "data invariants: all kept" : "data invariants: BROKEN " + violations);
            if (workloads.stream().anyMatch(Workload::usesBaseline)) {
                baseline = database + "_v" + BASELINE_VERSION;
                progress.update("copying the data set at V" + BASELINE_VERSION + " as the baseline...");
                server.dropDatabase(baseline);
                server.createDatabase(baseline, database);
            }
            progress.update("migrating " + database + " to the latest version...");
            TechzoneMigrations.migrate(dataSource);
            MachineFacts machine = MachineFacts.read(server, dataSource);
            List<WorkloadResult> results = new ArrayList<>();
            if (violations.isEmpty()) {
                BenchContext context = new BenchContext(server, database, options, progress, baseline);
                for (Workload workload : workloads) {
                    results.add(workload.run(context));
                }
            }
            return new BenchReport(started, Instant.now(), name, options, machine, database, data, violations, results);
        } finally {
            if (baseline != null) {
                server.dropDatabase(baseline);
            }
            if (created && server.kind().equals("external")) {
                server.dropDatabase(database);
            }
        }
    }

    private boolean holdsNoTables(String database) throws SQLException {
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm')
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }
}
