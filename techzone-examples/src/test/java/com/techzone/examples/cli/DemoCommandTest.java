package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** {@code techzone demo --jdbc-url}: migrates and describes the schema it built. */
class DemoCommandTest {

    @Test
    void shouldMigrateAndSummariseTheSchema() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("demo", "--jdbc-url", db.jdbcUrl() + "?password=not-needed", "--user", db.user());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("password=****").doesNotContain("not-needed")
                    .contains("from version none to version 10")
                    .contains("In all: 13 tables, 14 foreign keys, 55 check constraints")
                    .contains("order_status           pending, processing, layaway, shipped, delivered, cancelled, refunded, on_hold");
        }
    }
}
