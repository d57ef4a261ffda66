package com.techzone.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * SVG charts of a {@link BenchReport}, drawn with XChart from the same result tables the Markdown
 * and JSON show: checkout orders/s by client count with the lines of its own SQL by pgbench and of
 * pgbench TPC-B, the seed queries before vs after the indexes (log scale), DAO/JDBC ratios per
 * operation against their target, and the health check's run time as tables are added. A chart is written only when its workload ran.
 */
public final class BenchCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;
    /** A log axis cannot show 0: medians below a microsecond (tiny data sets) are drawn at 0.001 ms. */
    private static final double LOG_FLOOR_MS = 0.001;

    private BenchCharts() {
    }

    /**
     * Writes the charts of the workloads the report holds into {@code directory}, each named
     * {@code <baseName>-<workload>.svg}.
     *
     * @return the files written, in workload order; empty when no charted workload ran
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(BenchReport report, Path directory, String baseName) throws IOException {
        List<Path> written = new ArrayList<>();
        for (WorkloadResult result : report.results()) {
            Optional<Chart<?, ?>> chart = switch (result.name()) {
                case "checkout" -> table(result, "throughput").map(BenchCharts::checkout);
                case "seed-queries" -> table(result, "latency").map(BenchCharts::seedQueries);
                case "dao-overhead" -> table(result, "overhead").map(BenchCharts::daoOverhead);
                case "health" -> table(result, "runs").map(BenchCharts::health);
                default -> Optional.empty();
            };
            if (chart.isPresent()) {
                Path file = directory.resolve(baseName + "-" + result.name() + ".svg");
                String withoutExtension = file.toString().substring(0, file.toString().length() - ".svg".length());
                VectorGraphicsEncoder.saveVectorGraphic(chart.get(), withoutExtension, VectorGraphicsFormat.SVG);
                written.add(file);
            }
        }
        return written;
    }

    private static Optional<ResultTable> table(WorkloadResult result, String key) {
        return result.tables().stream().filter(t -> t.key().equals(key) && !t.rows().isEmpty()).findFirst();
    }

    static XYChart checkout(ResultTable throughput) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Checkout throughput by client count")
                .xAxisTitle("clients").yAxisTitle("orders (transactions) per second").build();
        style(chart.getStyler());
        chart.addSeries("Techzone.checkout()", column(throughput, "clients"), column(throughput, "orders_per_second"));
        List<Map<String, Object>> withPgbench = throughput.rows().stream().filter(r -> r.get("pgbench_tps") instanceof Number).toList();
        List<Map<String, Object>> withBound = throughput.rows().stream()
                .filter(r -> r.get("checkout_sql_tps") instanceof Number).toList();
        if (!withBound.isEmpty()) {
            chart.addSeries("the checkout's SQL by pgbench (the bound)", column(withBound, "clients"),
                    column(withBound, "checkout_sql_tps"));
        }
        if (!withPgbench.isEmpty()) {
            chart.addSeries("pgbench TPC-B (tps)", column(withPgbench, "clients"), column(withPgbench, "pgbench_tps"));
        }
        return chart;
    }

    static CategoryChart seedQueries(ResultTable latency) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 150)
                .title("Seed queries: median latency before vs after the indexes (log scale)")
                .xAxisTitle("query").yAxisTitle("median (ms)").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(LOG_FLOOR_MS);
        chart.getStyler().setXAxisLabelRotation(60);
        List<String> queries = labels(latency.rows(), "query");
        chart.addSeries("before", queries, atLeast(column(latency, "before_median_ms"), LOG_FLOOR_MS));
        chart.addSeries("after", queries, atLeast(column(latency, "after_median_ms"), LOG_FLOOR_MS));
        return chart;
    }

    static CategoryChart daoOverhead(ResultTable overhead) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("DAO / hand-written JDBC, same SQL (medians)").xAxisTitle("operation").yAxisTitle("ratio (x)").build();
        style(chart.getStyler());
        List<String> operations = labels(overhead.rows(), "operation");
        chart.addSeries("DAO / JDBC", operations, column(overhead, "ratio"));
        chart.addSeries("target", operations, column(overhead, "target_ratio"));
        return chart;
    }

    static XYChart health(ResultTable runs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Health check (all groups) as tables are added")
                .xAxisTitle("extra tables beside the TechZone schema").yAxisTitle("median run (s)").build();
        style(chart.getStyler());
        chart.addSeries("median run", column(runs, "extra_tables"), column(runs, "median_s"));
        return chart;
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
    }

    private static List<Double> column(ResultTable table, String key) {
        return column(table.rows(), key);
    }

    private static List<Double> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN).toList();
    }

    private static List<Double> atLeast(List<Double> values, double floor) {
        return values.stream().map(v -> v.isNaN() ? floor : Math.max(v, floor)).toList();
    }

    private static List<String> labels(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> String.valueOf(r.get(key))).toList();
    }
}
