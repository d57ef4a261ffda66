package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A freshly migrated database: score 6/6, every check ran, nothing to act on. */
@TechzoneDatabaseTest
class CleanDatabaseTest {

    @BeforeAll
    static void enableStatements(TestDatabase db) {
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    @Test
    void shouldScoreSixOfSixWithNoWarningOnAFreshSchema(TestDatabase db) {
        HealthReport report = TechzoneHealth.configure(db.dataSource())
                .groups(CheckGroup.values())
                .build().run();
        assertThat(report.score()).hasToString("6/6");
        assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
        assertThat(report.status()).isEqualTo(Status.HEALTHY);
        assertThat(report.exitCode()).isZero();
    }
}
