package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** A schema that an older release migrated: checks that read newer columns say so and how to migrate, not a raw SQL error. */
class OlderSchemaTest {

    @Test
    void shouldSayTheSchemaIsOlderThanTheCheckAndHowToMigrate() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("5").load().migrate();   // before V7's seq column

            HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.SCHEMA, CheckGroup.DOMAIN)
                    .build().run();

            assertThat(report.check("schema.migrations").orElseThrow().findings())
                    .anySatisfy(f -> assertThat(f.message()).contains("pending"));
            CheckResult history = report.check("domain.order-status-history").orElseThrow();
            assertThat(history.status()).isEqualTo(Status.UNKNOWN);
            assertThat(history.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).startsWith("The TechZone schema \"public\" is older than this check")
                        .contains("seq");
                assertThat(f.recommendation()).contains("TechzoneMigrations.configure(dataSource).schema(\"public\")");
            });
        }
    }
}
