package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three renderers: stable JSON with correct escaping, the report's Markdown sections (masking: techzone-migrations' {@code com.techzone.SecretsTest}). */
@TechzoneDatabaseTest
class RenderersTest {

    @Test
    void shouldRenderTheReportSectionsInMarkdownFromLiveData(TestDatabase db) {
        long before = System.nanoTime();
        HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.values()).build().run();
        Duration wall = Duration.ofNanos(System.nanoTime() - before);
        String md = ReportFormat.MARKDOWN.render(report);
        assertThat(md).contains("## Quick Stats", "- Tables: 13/13 ✅", "- Foreign Keys: 14 ✅", "Health Score: 6/6 (100%)",
                "## 1. Schema Structure", "| orders |", "### Relationship Map", "users (1)", "(N) inventory_logs",
                "## 3. Indexing Strategy", "idx_orders_user_status", "chk_reviews_rating_range", "(report)",
                "order_status (8 values): pending, processing, layaway, shipped, delivered, cancelled, refunded, on_hold",
                "## 5. Database Configuration", "shared_buffers = ", "## 6. Alerts", "## 7. Recommendations",
                "## 8. Maintenance & Monitoring", "| connection usage percent | > 70% | > 90% |");
        // The run's duration is what it measured of itself: positive and within the caller's wall clock
        // (how fast it is belongs to the benchmark's health workload, not to a unit test).
        assertThat(report.duration()).isPositive().isLessThanOrEqualTo(wall);
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.duration()).isLessThanOrEqualTo(report.duration()));
    }

    @Test
    void shouldRenderStableJsonFieldsWithEscaping() {
        Finding finding = new Finding("schema.drift", Severity.WARNING, "t\"1", "line\nbreak \\ tab\t\u0001", null, "x", null);
        CheckResult check = new CheckResult("schema.drift", CheckGroup.SCHEMA, "Drift", false, false, Status.WARNING,
                List.of(finding), Duration.ofMillis(3));
        HealthReport report = new HealthReport(Instant.parse("2026-01-11T00:00:00Z"), "localhost:5432/shop", "public", "18.1",
                Status.WARNING, new Score(6, 6), List.of(check), null, Duration.ofMillis(42));
        String json = ReportFormat.JSON.render(report);
        assertThat(json).contains("\"format\": \"techzone-health/1\"", "\"status\": \"WARNING\"", "\"exitCode\": 1",
                "\"text\": \"6/6\"", "\"object\": \"t\\\"1\"", "\"message\": \"line\\nbreak \\\\ tab\\t\\u0001\"",
                "\"measured\": null", "\"durationMillis\": 42", "\"inventory\": null");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void shouldPrintOneLinePerCheckInText(TestDatabase db) {
        HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.SCHEMA).build().run();
        String text = ReportFormat.TEXT.render(report);
        assertThat(text).startsWith("TechZone health: HEALTHY   schema score 6/6")
                .contains("[OK]      A schema.tables  All 13 tables present")
                .endsWith("schema score 6/6.\n");
    }
}
