package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The migration entry point itself: versions, repeat runs, schemas, concurrency, checksums. */
class MigrationsTest {

    @Test
    void shouldMigrateAnEmptyDatabaseToTheLatestVersion() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            MigrationResult result = TechzoneMigrations.migrate(db.dataSource());

            assertThat(result.fromVersion()).isNull();
            assertThat(result.toVersion()).isEqualTo("10");
            assertThat(result.migrationsApplied()).isEqualTo(11);
            assertThat(result.applied()).extracting(MigrationResult.AppliedMigration::description)
                    .containsExactly("create types", "create users and catalog", "create carts and orders",
                            "create reviews bookings contacts", "create inventory and reports",
                            "replace orders created at index with brin", "add history sequence",
                            "add commerce rule columns", "create index bookings contact email",
                            "Index stock history in page order", "index orders for revenue and pending");
            assertThat(new SchemaCatalog(db.dataSource()).tables("public")).hasSize(13);
        }
    }

    @Test
    void shouldDoNothingWhenMigratedTwice() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.migrate(db.dataSource());
            MigrationResult second = TechzoneMigrations.migrate(db.dataSource());

            assertThat(second.upToDate()).isTrue();
            assertThat(second.fromVersion()).isEqualTo("10");
            assertThat(second.toVersion()).isEqualTo("10");
        }
    }

    @Test
    void shouldStopAtTheTargetVersionAndContinueLater() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            MigrationResult partial = TechzoneMigrations.configure(db.dataSource()).target("2").load().migrate();
            assertThat(partial.toVersion()).isEqualTo("2");
            assertThat(new SchemaCatalog(db.dataSource()).tables("public"))
                    .containsExactly("categories", "products", "services", "users");

            MigrationResult rest = TechzoneMigrations.configure(db.dataSource()).load().migrate();
            assertThat(rest.fromVersion()).isEqualTo("2");
            assertThat(rest.migrationsApplied()).isEqualTo(9);
        }
    }

    @Test
    void shouldMigrateIntoTheSchemaAndHistoryTableTheHostChooses() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations migrations = TechzoneMigrations.configure(db.dataSource())
                    .schema("shop").historyTable("shop_history").load();
            MigrationResult result = migrations.migrate();

            SchemaCatalog catalog = new SchemaCatalog(db.dataSource());
            assertThat(result.schema()).isEqualTo("shop");
            assertThat(catalog.tables("shop")).hasSize(14).contains("shop_history", "orders");
            assertThat(catalog.tables("public")).isEmpty();
            assertThat(migrations.currentVersion()).isEqualTo(migrations.latestVersion()).isEqualTo("10");
        }
    }

    /**
     * Flyway locks per migration, so the instances share the work in an order that changes from
     * run to run; each must still report the version the schema is at when it returns (CI once saw
     * "1" from an instance that applied V1 while the others applied the rest). Repeated to meet
     * more of those orders.
     */
    @RepeatedTest(4)
    void shouldLetThreeInstancesMigrateOneEmptyDatabaseAtOnce() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            int instances = 3;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<Future<MigrationResult>> futures = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    Callable<MigrationResult> task = () -> {
                        start.await();
                        return TechzoneMigrations.migrate(db.dataSource());
                    };
                    futures.add(pool.submit(task));
                }
                start.countDown();
                int applied = 0;
                for (Future<MigrationResult> future : futures) {
                    MigrationResult result = future.get();
                    assertThat(result.toVersion()).isEqualTo("10");
                    applied += result.migrationsApplied();
                }
                assertThat(applied).as("each migration applied exactly once").isEqualTo(11);
                assertThat(new SchemaCatalog(db.dataSource())
                        .strings("SELECT count(*) FROM techzone_schema_history WHERE success"))
                        .containsExactly("11");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldReportAnEditedMigrationAsAValidationError() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.migrate(db.dataSource());
            db.execute("UPDATE techzone_schema_history SET checksum = checksum + 1 WHERE version = '2'");

            assertThatThrownBy(() -> TechzoneMigrations.migrate(db.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("does not match the packaged migrations")
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("version 2")
                    .extracting(e -> ((MigrationException) e).errorCode())
                    .isEqualTo("VALIDATE_ERROR");
        }
    }

    @Test
    void shouldRefuseASchemaNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> TechzoneMigrations.configure(new org.postgresql.ds.PGSimpleDataSource())
                .schema("shop; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema must be a lower-case SQL identifier");
    }

    @Test
    void shouldReportAnUnreachableServerClearly() {
        org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
        unreachable.setUser("nobody");
        unreachable.setPassword("secret-password");

        assertThatThrownBy(() -> TechzoneMigrations.migrate(unreachable))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Could not migrate the TechZone schema in \"public\"")
                .hasMessageNotContaining("secret-password");
    }
}
