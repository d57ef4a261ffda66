package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.examples.bench.ResultTable.Column;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/** What each chart draws, from result tables shaped as the workloads build them. */
class BenchChartsTest {

    @Test
    void shouldDrawCheckoutThroughputWithThePgbenchLinesOnlyWhereTheyWereMeasured() {
        ResultTable throughput = ResultTable.builder("throughput", "t", new Column("clients", "clients"),
                        new Column("orders_per_second", "orders/s"), new Column("checkout_sql_tps", "bound"),
                        new Column("pgbench_tps", "pgbench"))
                .row("clients", 1L, "orders_per_second", 300.0, "checkout_sql_tps", null, "pgbench_tps", 900.0)
                .row("clients", 4L, "orders_per_second", 700.0, "checkout_sql_tps", 750.0, "pgbench_tps", null)
                .build();

        XYChart chart = BenchCharts.checkout(throughput);

        assertThat(chart.getSeriesMap()).containsOnlyKeys("Techzone.checkout()",
                "the checkout's SQL by pgbench (the bound)", "pgbench TPC-B (tps)");
        assertThat(doubles(chart.getSeriesMap().get("Techzone.checkout()").getYData())).containsExactly(300.0, 700.0);
        assertThat(doubles(chart.getSeriesMap().get("the checkout's SQL by pgbench (the bound)").getXData()))
                .containsExactly(4.0);
        assertThat(doubles(chart.getSeriesMap().get("pgbench TPC-B (tps)").getXData())).containsExactly(1.0);
    }

    @Test
    void shouldDrawSeedQueriesOnALogAxisWithZeroMediansAtTheFloor() {
        ResultTable latency = ResultTable.builder("latency", "l", new Column("query", "query"),
                        new Column("before_median_ms", "before"), new Column("after_median_ms", "after"))
                .row("query", "oldest_pending", "before_median_ms", 12.5, "after_median_ms", 0.0)
                .build();

        CategoryChart chart = BenchCharts.seedQueries(latency);

        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(doubles(chart.getSeriesMap().get("before").getYData())).containsExactly(12.5);
        assertThat(doubles(chart.getSeriesMap().get("after").getYData())).containsExactly(0.001);
    }

    @Test
    void shouldDrawDaoRatiosBesideTheirTargetAndHealthTimesByTableCount() {
        ResultTable overhead = ResultTable.builder("overhead", "o", new Column("operation", "op"),
                        new Column("ratio", "ratio"), new Column("target_ratio", "target"))
                .row("operation", "point_lookup", "ratio", 1.4, "target_ratio", 1.25)
                .build();
        ResultTable runs = ResultTable.builder("runs", "r", new Column("extra_tables", "extra"), new Column("median_s", "median"))
                .row("extra_tables", 0L, "median_s", 0.1)
                .row("extra_tables", 1000L, "median_s", 0.9)
                .build();

        assertThat(doubles(BenchCharts.daoOverhead(overhead).getSeriesMap().get("DAO / JDBC").getYData())).containsExactly(1.4);
        assertThat(doubles(BenchCharts.daoOverhead(overhead).getSeriesMap().get("target").getYData())).containsExactly(1.25);
        assertThat(doubles(BenchCharts.health(runs).getSeriesMap().get("median run").getXData())).containsExactly(0.0, 1000.0);
    }

    private static java.util.List<Double> doubles(java.util.Collection<? extends Number> values) {
        return values.stream().map(Number::doubleValue).toList();
    }

    private static java.util.List<Double> doubles(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
