package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.PgBouncer;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Migrations through a real PgBouncer: refused, with nothing changed, in transaction pooling mode
 * (where Flyway's session-level lock cannot hold) while versions are pending, and reported up to
 * date there once migrated directly; applied once by concurrent instances in session pooling mode. Skipped where PgBouncer is not installed.
 */
class PgBouncerMigrationsTest {

    private static final int INSTANCES = 3;

    @Test
    void shouldRefuseThreeConcurrentMigrationsThroughATransactionPoolerAndChangeNothing() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase();
             PgBouncer bouncer = PgBouncer.start(db, "transaction", 5)) {
            List<Object> outcomes = migrateConcurrently(bouncer.dataSource(0));

            assertThat(outcomes).hasSize(INSTANCES).allSatisfy(outcome -> assertThat(outcome)
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("TRANSACTION_POOLER");
                        assertThat(e).hasMessageContaining("transaction pooler")
                                .hasMessageContaining("pending versions [1, 2, 3, 4, 5, 6, 7, 8, 8.1, 9, 10]")
                                .hasMessageContaining("direct connection to PostgreSQL")
                                .hasMessageContaining("nothing was changed");
                    }));
            assertThat(new SchemaCatalog(db.dataSource()).tables("public")).isEmpty();

            MigrationResult direct = TechzoneMigrations.migrate(db.dataSource());
            assertThat(direct.fromVersion()).isNull();
            assertThat(direct.toVersion()).isEqualTo(TechzoneMigrations.configure(db.dataSource()).load().latestVersion());

            MigrationResult throughPooler = TechzoneMigrations.migrate(bouncer.dataSource(0));
            assertThat(throughPooler.upToDate()).isTrue();
            assertThat(throughPooler.toVersion()).isEqualTo(direct.toVersion());
        }
    }

    @Test
    void shouldMigrateOnceWithConcurrentInstancesThroughASessionPooler() throws Exception {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase();
             PgBouncer bouncer = PgBouncer.start(db, "session", 5)) {
            List<Object> outcomes = migrateConcurrently(bouncer.dataSource(5));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(MigrationResult.class));
            // Flyway takes its lock per migration: the instances may share the work, but each
            // migration is applied exactly once.
            assertThat(outcomes.stream().mapToInt(o -> ((MigrationResult) o).migrationsApplied()).sum())
                    .as("migrations applied over the three instances").isEqualTo(11);
            assertThat(TechzoneMigrations.configure(db.dataSource()).load().currentVersion()).isEqualTo("10");
        }
    }

    /** Each instance's MigrationResult, or the exception it threw. */
    private static List<Object> migrateConcurrently(DataSource dataSource) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return TechzoneMigrations.migrate(dataSource);
                    } catch (MigrationException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
