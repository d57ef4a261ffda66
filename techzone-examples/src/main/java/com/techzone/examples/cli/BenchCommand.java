package com.techzone.examples.cli;

import com.techzone.examples.bench.BenchCharts;
import com.techzone.examples.bench.BenchOptions;
import com.techzone.examples.bench.BenchReport;
import com.techzone.examples.bench.BenchRunner;
import com.techzone.examples.bench.BenchServer;
import com.techzone.examples.bench.DataSizes;
import com.techzone.examples.bench.Progress;
import com.techzone.examples.bench.Workload;
import com.techzone.examples.bench.Workloads;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code techzone bench <workload>}: generates a data set at a scale, checks its invariants, runs
 * the workload(s) and prints the results as Markdown (stdout), optionally as JSON ({@code --out}).
 * Progress goes to stderr. Exits 1 if the data breaks an invariant, a workload's own check fails (e.g. checkout
 * invariants) or the server fails.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks the TechZone schema on an embedded PostgreSQL (or on --jdbc-url).",
        footer = {"", "On an embedded server, commits are durable (synchronous_commit=on, fsync=on). On --jdbc-url the",
                "data goes into that database if it holds no tables, else into a new database that is dropped",
                "afterwards; the server's settings are reported, not changed."})
final class BenchCommand implements Callable<Integer>, Failures.VerboseAware {

    @Parameters(index = "0", paramLabel = "WORKLOAD", completionCandidates = WorkloadNames.class,
            description = "What to run: ${COMPLETION-CANDIDATES}.")
    String workload;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "" + DataSizes.SMALL,
            description = "Data set size; 1 = 100k users, 10k products, 1M orders (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + BenchOptions.DEFAULT_ITERATIONS,
            description = "Measured rounds of each comparison (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + BenchOptions.DEFAULT_WARMUP,
            description = "Discarded rounds before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--bulk-rows", paramLabel = "N",
            description = "Rows per bulk-load trial (default: 500,000 x scale, within 10,000..500,000).")
    Integer bulkRows;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON to this file, "
            + "and SVG charts beside it (FILE's name without .json, then -checkout.svg, -seed-queries.svg, ...).")
    Path out;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Workload> workloads = Workloads.select(workload).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Unknown workload '" + workload + "': choose one of " + String.join(", ", new WorkloadNames())));
        BenchOptions options;
        try {
            options = new BenchOptions(DataSizes.forScale(scale), iterations, warmup,
                    bulkRows != null ? bulkRows : BenchOptions.defaultBulkRows(scale));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr());
        BenchReport report;
        com.techzone.core.Pooler pooler;
        try {
            pooler = connection.pooler();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (connection.present()) {
            BenchServer server = BenchServer.external(connection.jdbcUrl(), connection.user, connection.secret());
            server.usePooler(pooler);
            progress.done("server: " + server.maskedUrl() + ", pooler " + pooler.name().toLowerCase(java.util.Locale.ROOT));
            report = new BenchRunner(server, options, progress).run(workload, workloads);
        } else {
            progress.update("starting an embedded PostgreSQL (synchronous_commit=on)...");
            try (BenchServer server = BenchServer.embedded()) {
                server.usePooler(pooler);
                progress.done("server: embedded, " + server.maskedUrl() + ", pooler " + pooler.name().toLowerCase(java.util.Locale.ROOT));
                report = new BenchRunner(server, options, progress).run(workload, workloads);
            }
        }
        stdout.print(report.markdown());
        stdout.flush();
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, report.json(), StandardCharsets.UTF_8);
            progress.done("results written to " + out);
            String base = out.getFileName().toString().replaceFirst("\\.json$", "");
            for (Path chart : BenchCharts.write(report, out.toAbsolutePath().getParent(), base)) {
                progress.done("chart written to " + chart);
            }
        }
        if (!report.consistent()) {
            spec.commandLine().getErr().println("error: the generated data breaks " + report.violations().size()
                    + " invariant(s): " + report.violations());
            return TechzoneCli.EXIT_FAILURE;
        }
        if (!report.workloadFailures().isEmpty()) {
            spec.commandLine().getErr().println("error: workload checks failed: " + report.workloadFailures());
            return TechzoneCli.EXIT_FAILURE;
        }
        return 0;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    /** The workload names, {@code all} last: for help and completion. */
    static final class WorkloadNames extends ArrayList<String> {
        WorkloadNames() {
            super(Workloads.registered().keySet());
            add(Workloads.ALL);
        }
    }
}
