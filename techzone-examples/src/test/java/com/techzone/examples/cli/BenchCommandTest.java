package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code techzone bench}: the tiny smoke run CI does (never the real benchmark), and its usage errors.
 * No assertion here is about speed.
 */
class BenchCommandTest {

    @Test
    void shouldRunEveryWorkloadAndWriteMarkdownAndJson(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("results/bench.json");
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("bench", "all", "--scale", "0.001", "--iterations", "2", "--warmup", "1",
                    "--bulk-rows", "500", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--out", json.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("## TechZone benchmark: all")
                    .contains("| synchronous_commit |")
                    .contains("| orders | 1,000 |")
                    .contains("Invariants: all kept.")
                    .contains("## seed-queries")
                    .contains("| user_pending_processing_orders |")
                    .contains("Index Scan using idx_")
                    .contains("Seq Scan on")
                    .contains("## bulk-load")
                    .contains("| copy | server_ids | 500 |");
            assertThat(run.err()).contains("data invariants: all kept").contains("results written to");
            String text = Files.readString(json);
            assertThat(text).contains("\"format\": \"techzone-bench/1\"", "\"started_at\"", "\"finished_at\"",
                    "\"workload\": \"all\"", "\"scale\": 0.001", "\"iterations\": 2", "\"warmup\": 1",
                    "\"cores\"", "\"jvm\"", "\"postgres_version\"", "\"synchronous_commit\"", "\"fsync\"",
                    "\"durable_commits\"", "\"rows_per_second\"", "\"passed\": true", "\"violations\": []",
                    "\"name\": \"seed-queries\"", "\"latency\"", "\"before_median_ms\"", "\"before_p95_ms\"",
                    "\"after_median_ms\"", "\"after_p95_ms\"", "\"speedup\"", "\"faster_percent\"", "\"claimed\"",
                    "\"plans\"", "\"plan_before\"", "\"plan_after\"",
                    "\"name\": \"bulk-load\"", "\"method\": \"copy\"", "\"method\": \"batched_insert\"", "\"target_met\"");
        }
    }

    @Test
    void shouldGenerateIntoAFreshDatabaseWhenTheGivenOneHoldsTables() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            CliRun run = CliRun.of("bench", "bulk-load", "--scale", "0.0001", "--iterations", "1", "--warmup", "0",
                    "--bulk-rows", "100", "--jdbc-url", db.jdbcUrl(), "--user", db.user());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("### Data set (techzone_bench_").doesNotContain("## seed-queries");
            db.execute("DO $$ BEGIN IF EXISTS (SELECT FROM orders) THEN RAISE 'data leaked into the given database'; END IF; END $$",
                    "DO $$ BEGIN IF EXISTS (SELECT FROM pg_database WHERE datname LIKE 'techzone_bench%') THEN "
                            + "RAISE 'the fresh database was not dropped'; END IF; END $$");
        }
    }

    @Test
    void shouldRefuseAnUnknownWorkloadNamingTheKnownOnes() {
        CliRun run = CliRun.of("bench", "checkout-race");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown workload 'checkout-race'").contains("seed-queries, bulk-load, all");
    }

    @Test
    void shouldRefuseABadScaleBeforeStartingAnything() {
        CliRun run = CliRun.of("bench", "all", "--scale", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--scale must be in (0, 10]");
    }

    @Test
    void shouldListTheWorkloadsInItsHelp() {
        assertThat(CliRun.of("bench", "--help").out()).contains("seed-queries, bulk-load, all").contains("--iterations")
                .contains("--out");
    }
}
