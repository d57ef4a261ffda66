package com.techzone.examples.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one {@code bench} run found, printable as Markdown and writable as JSON. The JSON
 * field names are a stable interface (format {@value #FORMAT}), documented in
 * {@code docs/benchmarks.md}; a change to them changes the format name.
 *
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param workload the workload asked for ({@code all} or one name)
 * @param options scale, iterations, warm-up
 * @param machine the conditions
 * @param database the database the data set was generated into
 * @param data what the generator loaded
 * @param violations broken data invariants; non-empty means the run stopped before the workloads
 * @param results one per workload run
 */
public record BenchReport(Instant startedAt, Instant finishedAt, String workload, BenchOptions options,
                          MachineFacts machine, String database, GeneratedData data,
                          List<DataInvariants.Violation> violations, List<WorkloadResult> results) {

    /** The name and version of the JSON format. */
    public static final String FORMAT = "techzone-bench/2";

    public BenchReport {
        violations = List.copyOf(violations);
        results = List.copyOf(results);
    }

    /** True when the generated data kept every invariant. */
    public boolean consistent() {
        return violations.isEmpty();
    }

    /** The workload checks that failed, as {@code name: check}; empty when all held. */
    public List<String> workloadFailures() {
        List<String> failed = new ArrayList<>();
        results.forEach(r -> r.failures().forEach(f -> failed.add(r.name() + ": " + f)));
        return failed;
    }

    /** The report as Markdown: machine, data set, then one section per workload. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## TechZone benchmark: ").append(workload).append("\n\n");
        out.append(String.format(Locale.ROOT, "Scale %s, %d measured rounds after %d warm-up, started %s.%n%n",
                options.sizes().scale(), options.iterations(), options.warmup(), startedAt));
        out.append("### Machine\n\n| fact | value |\n|---|---|\n");
        machine.json().forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (!machine.durableCommits()) {
            out.append("\nNote: commits are not durable on this server (synchronous_commit or fsync off): "
                    + "write throughput is higher than a shop would see.\n");
        }
        out.append('\n').append(dataTable().markdown());
        out.append(String.format(Locale.ROOT, "%nInvariants: %s.%n", consistent() ? "all kept"
                : violations.size() + " broken: " + violations));
        for (WorkloadResult result : results) {
            out.append("\n## ").append(result.name()).append(": ").append(result.title()).append("\n\n");
            for (ResultTable table : result.tables()) {
                out.append(table.markdown()).append('\n');
            }
            result.notes().forEach(note -> out.append("- ").append(note).append('\n'));
            if (!result.passed()) {
                out.append("\n**FAILED checks:**\n");
                result.failures().forEach(f -> out.append("- ").append(f).append('\n'));
            }
        }
        return out.toString();
    }

    private ResultTable dataTable() {
        ResultTable.Builder table = ResultTable.builder("tables", "Data set (" + database + ")",
                new ResultTable.Column("table", "table"), new ResultTable.Column("rows", "rows"),
                new ResultTable.Column("seconds", "seconds"), new ResultTable.Column("rows_per_second", "rows/s"));
        for (TableLoad t : data.tables()) {
            table.row("table", t.table(), "rows", t.rows(), "seconds", t.millis() / 1000.0, "rows_per_second", t.rowsPerSecond());
        }
        table.row("table", "**total**", "rows", data.totalRows(), "seconds", data.totalMillis() / 1000.0,
                "rows_per_second", data.rowsPerSecond());
        return table.build();
    }

    /** The report as a JSON document. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("started_at", startedAt.toString());
        root.put("finished_at", finishedAt.toString());
        root.put("workload", workload);
        root.put("scale", options.sizes().scale());
        root.put("iterations", options.iterations());
        root.put("warmup", options.warmup());
        root.put("machine", machine.json());

        Map<String, Object> dataJson = new LinkedHashMap<>();
        dataJson.put("database", database);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableLoad t : data.tables()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", t.table());
            row.put("rows", t.rows());
            row.put("millis", t.millis());
            row.put("rows_per_second", t.rowsPerSecond());
            tables.add(row);
        }
        dataJson.put("tables", tables);
        dataJson.put("total_rows", data.totalRows());
        dataJson.put("total_millis", data.totalMillis());
        dataJson.put("rows_per_second", data.rowsPerSecond());
        dataJson.put("vacuum_millis", data.vacuumMillis());
        Map<String, Object> invariants = new LinkedHashMap<>();
        invariants.put("passed", consistent());
        List<Map<String, Object>> broken = new ArrayList<>();
        for (DataInvariants.Violation v : violations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("check", v.check());
            row.put("rows", v.rows());
            broken.add(row);
        }
        invariants.put("violations", broken);
        dataJson.put("invariants", invariants);
        root.put("data", dataJson);

        List<Map<String, Object>> workloads = new ArrayList<>();
        for (WorkloadResult result : results) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", result.name());
            w.put("title", result.title());
            Map<String, Object> resultTables = new LinkedHashMap<>();
            result.tables().forEach(t -> resultTables.put(t.key(), t.json()));
            w.put("tables", resultTables);
            w.put("notes", result.notes());
            w.put("failures", result.failures());
            workloads.add(w);
        }
        root.put("workloads", workloads);
        return JsonWriter.write(root);
    }
}
