package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                    .contains("| copy | server_ids | 500 |")
                    .contains("## dao-overhead").contains("## checkout").contains("## migrate-live").contains("## partitioned-ledgers").contains("## health")
                    .contains("## replicas").contains("Skipped: the replica is made from the embedded server's data directory");
            assertThat(run.err()).contains("data invariants: all kept").contains("results written to");
            String text = Files.readString(json);
            assertThat(text).contains("\"format\": \"techzone-bench/2\"", "\"started_at\"", "\"finished_at\"",
                    "\"workload\": \"all\"", "\"scale\": 0.001", "\"iterations\": 2", "\"warmup\": 1",
                    "\"cores\"", "\"jvm\"", "\"postgres_version\"", "\"synchronous_commit\"", "\"fsync\"",
                    "\"durable_commits\"", "\"rows_per_second\"", "\"passed\": true", "\"violations\": []",
                    "\"name\": \"seed-queries\"", "\"latency\"", "\"before_median_ms\"", "\"before_p95_ms\"",
                    "\"after_median_ms\"", "\"after_p95_ms\"", "\"speedup\"", "\"faster_percent\"", "\"claimed\"",
                    "\"plans\"", "\"plan_before\"", "\"plan_after\"", "\"plan_baseline\"", "\"baseline_median_ms\"", "\"control_ratio\"",
                    "\"name\": \"bulk-load\"", "\"method\": \"copy\"", "\"method\": \"batched_insert\"", "\"target_met\"",
                    "\"name\": \"dao-overhead\"", "\"overhead\"", "\"dao_median_ms\"", "\"jdbc_p95_ms\"", "\"ratio\"",
                    "\"name\": \"checkout\"", "\"throughput\"", "\"orders_per_second\"", "\"p99_ms\"",
                    "\"invariants\"", "\"kept\": true", "\"failures\": []",
                    "\"name\": \"health\"", "\"runs\"", "\"median_s\"", "\"extra_tables\"");
            // The charts beside the JSON, one SVG per charted workload (their content: BenchChartsTest).
            for (String chart : new String[] {"checkout", "seed-queries", "dao-overhead", "health"}) {
                assertThat(Files.readString(dir.resolve("results/bench-" + chart + ".svg"))).as(chart)
                        .startsWith("<?xml").contains("<svg").contains("</svg>");
            }
            assertThat(run.err()).contains("chart written to");
        }
    }

    @Test
    void shouldApplyTheNewestMigrationUnderCheckoutLoadAndCheckItsLiveSafety() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("bench", "migrate-live", "--scale", "0.001", "--iterations", "1", "--warmup", "0",
                    "--jdbc-url", db.jdbcUrl(), "--user", db.user());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("## migrate-live")
                    .contains("| saturated | before the migration |").contains("| during V6's statements |")
                    .contains("| during a migrate with nothing to apply (control) |").contains("| during V7-V10 |")
                    .contains("| during a pause, nothing run (A/A control) |")
                    .contains("| p99 during the A/A pause / p99 before (paced) |")
                    .containsPattern("\\| paced, \\d+/s \\| before the migration \\|")
                    .contains("| failed checkouts | 0 | 0 | true |")
                    .contains("| longest wait on a migration lock (ms) |")
                    .contains("| p99 during V6's statements / p99 before (paced) |")
                    .contains("| p99 during the control / p99 before (saturated) |")
                    .contains("| p99 during V7-V10 / p99 before (paced) |")
                    .contains("V6 replace orders created at index with brin")
                    .containsPattern("the migrator JVM's CPU \\(a deploy runs it on a host of its own\\): (an idle CPU cgroup|nice 19|none)");
            Matcher group = Pattern.compile("an idle CPU cgroup \\((\\S+)/cpu\\.idle = 1\\)").matcher(run.out());
            if (group.find()) {
                assertThat(Path.of(group.group(1))).as("the migrator's idle CPU cgroup is removed with it").doesNotExist();
            }
            assertThat(run.out().lines().filter(l -> l.endsWith("| false |") && !l.startsWith("| durable_commits")))
                    .as("checks not kept").isEmpty();
            db.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_database WHERE datname LIKE '" + db.name() + "\\_%') THEN "
                    + "RAISE 'the baseline or live copy was not dropped'; END IF; END $$");
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
    void shouldCompareDaosWithHandWrittenJdbcAndLeaveTheDataAsFound() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("bench", "dao-overhead", "--scale", "0.001", "--iterations", "1", "--warmup", "0",
                    "--jdbc-url", db.jdbcUrl(), "--user", db.user());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("## dao-overhead")
                    .contains("| operation | ops/round | DAO median | DAO p95 | JDBC median | JDBC p95 | DAO/JDBC (x) |")
                    .contains("| point_lookup | 200 |").contains("| listing_page | 100 |")
                    .contains("| batch_insert_1000 | 1 |").contains("| checkout | 20 |");
            db.execute("DO $$ BEGIN IF EXISTS (SELECT FROM products WHERE sku LIKE 'bench-%') OR (SELECT count(*) FROM orders) <> 1000 THEN "
                    + "RAISE 'dao-overhead left rows behind'; END IF; END $$");
        }
    }

    @Test
    void shouldRunConcurrentCheckoutsCheckTheInvariantsAndCleanUp() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            // One warm-up round: its orders must be counted, or "orders created = successes reported" fails.
            CliRun run = CliRun.of("bench", "checkout", "--scale", "0.001", "--iterations", "1", "--warmup", "1",
                    "--jdbc-url", db.jdbcUrl(), "--user", db.user());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("## checkout")
                    .contains("| clients | pool | orders | seconds | orders/s | p50 (ms) | p99 (ms) | failed |")
                    .contains("| 1 | 1 |").contains("| 4 | 4 |").contains("| 16 | 8 |").contains("| 32 | 8 |")
                    .contains("| orders created = successes reported (").contains("| no product has negative stock | 0 | true |")
                    .contains("| the ledger reconciles: stock = sum of its ledger changes (hot products) | 0 | true |")
                    .contains("| best orders/s | target orders/s | target met |")
                    .contains("pgbench").doesNotContain("FAILED checks")
                    .containsPattern("warm-up: 1 untimed round\\(s\\) of up to \\d+ s by 4 clients .*, [1-9]\\d* checkouts, counted");
            if (pgbenchRequired()) {
                // The checkout's own SQL ran through pgbench at 1 client at least: the target row ends with
                // its best orders/s, our best against it and our single-client p50 against its latency, all numbers.
                assertThat(run.out()).doesNotContain("pgbench: not found")
                        .doesNotContain("pgbench running the checkout's SQL failed: exit")
                        .containsPattern("\\| checkout SQL by pgbench: best orders/s \\| best vs the checkout SQL's best \\(x\\) "
                                + "\\| 1 client: p50 / checkout SQL latency \\(x\\) \\|\n"
                                + "(\\|---)+\\|\n(\\| [^|\n]+ )+\\| [0-9][0-9,.]* \\| [0-9][0-9.]* \\| [0-9][0-9.]* \\|\n");
            }
            db.execute("DO $$ BEGIN IF (SELECT count(*) FROM orders) <> 1000 OR EXISTS (SELECT FROM products p WHERE p.stock <> "
                    + "(SELECT coalesce(sum(change), 0) FROM inventory_logs l WHERE l.product_id = p.id)) "
                    + "OR to_regclass('bench_pgbench_carts') IS NOT NULL THEN "
                    + "RAISE 'checkout did not leave the data set as found'; END IF; END $$");
        }
    }

    /**
     * Whether pgbench must be there: CI installs it ({@code TECHZONE_REQUIRE_PGBENCH=true} in .ci/run),
     * so the checkout's SQL bound is tested there and cannot silently turn into "not found".
     */
    private static boolean pgbenchRequired() {
        return "true".equals(System.getenv("TECHZONE_REQUIRE_PGBENCH"));
    }

    @Test
    void shouldCompareListingsOnThePrimaryAloneAndWithAReplicaWithoutReadYourWritesViolations() {
        CliRun run = CliRun.of("bench", "replicas", "--scale", "0.001", "--iterations", "1", "--warmup", "0");

        // A violation or a failed call is a failure of the workload, which makes the exit code non-zero.
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("## replicas")
                .contains("| setup | listings | listings/s | listing p50 (ms) | listing p99 (ms) | checkouts/s |")
                .contains("| primary alone |").contains("| primary + 1 replica |").doesNotContain("FAILED checks");
    }

    @Test
    void shouldTimeTheHealthCheckWithExtraTablesAndDropTheirDatabase() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("bench", "health", "--scale", "0.001", "--iterations", "1", "--warmup", "0",
                    "--jdbc-url", db.jdbcUrl(), "--user", db.user());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("## health")
                    .contains("| database | extra tables | runs | median (s) | p95 (s) |")
                    .contains("| data set (").contains("| techzone_bench_health | 100 |")
                    .contains("| techzone_bench_health | 1,000 |");
            db.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_database WHERE datname = 'techzone_bench_health') THEN "
                    + "RAISE 'the extra database was not dropped'; END IF; END $$");
        }
    }

    @Test
    void shouldRefuseAnUnknownWorkloadNamingTheKnownOnes() {
        CliRun run = CliRun.of("bench", "checkout-race");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown workload 'checkout-race'").contains("seed-queries, bulk-load, dao-overhead, checkout, migrate-live, partitioned-ledgers, replicas, health, all");
    }

    @Test
    void shouldRefuseABadScaleBeforeStartingAnything() {
        CliRun run = CliRun.of("bench", "all", "--scale", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--scale must be in (0, 10]");
    }

    @Test
    void shouldListTheWorkloadsInItsHelp() {
        assertThat(CliRun.of("bench", "--help").out().replaceAll("\\s+", " "))
                .contains("seed-queries, bulk-load, dao-overhead, checkout, migrate-live, partitioned-ledgers, replicas, health, all").contains("--iterations")
                .contains("--out");
    }
}
