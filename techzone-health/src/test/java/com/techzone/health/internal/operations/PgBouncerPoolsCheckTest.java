package com.techzone.health.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.health.CheckGroup;
import com.techzone.health.CheckResult;
import com.techzone.health.Finding;
import com.techzone.health.HealthReport;
import com.techzone.health.Severity;
import com.techzone.health.Status;
import com.techzone.health.TechzoneHealth;
import com.techzone.testing.PgBouncer;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code ops.pgbouncer-pools} on a real PgBouncer (skipped where it is not installed), and the
 * whole health run through PgBouncer in transaction pooling mode. In the check's package: it polls
 * PgBouncer through the check's own {@link PgBouncerConsole}.
 */
@TechzoneDatabaseTest
class PgBouncerPoolsCheckTest {

    private static final String CHECK = "ops.pgbouncer-pools";

    private static CheckResult poolsCheck(TestDatabase db, PgBouncer bouncer) {
        return TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS)
                .pgbouncerAdmin(bouncer.adminJdbcUrl(), bouncer.user(), null)
                .build().run().check(CHECK).orElseThrow();
    }

    @Test
    void shouldFindAClientWaitingForAServerConnection(TestDatabase db) throws Exception {
        try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 1);
             Connection holder = bouncer.dataSource(0).getConnection();
             Connection waiter = bouncer.dataSource(0).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT 1");                              // holds the pool's only server connection
            }
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try (Statement s = waiter.createStatement()) {
                    s.execute("SELECT 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaitingClient(bouncer);

            CheckResult result = poolsCheck(db, bouncer);
            holder.commit();
            waiting.get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.WARNING).singleElement().satisfies(f -> {
                assertThat(f.object()).isEqualTo("pgbouncer pool " + db.name() + "/" + db.user());
                assertThat(f.message()).contains("1 waiting client(s)").contains("transaction mode");
                assertThat(f.recommendation()).contains("default_pool_size");
            });
        }
    }

    @Test
    void shouldStayQuietOnAnIdlePool(TestDatabase db) throws Exception {
        try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 2)) {
            try (Connection c = bouncer.dataSource(0).getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            CheckResult result = poolsCheck(db, bouncer);

            assertThat(result.status()).isEqualTo(Status.HEALTHY);
            assertThat(result.findings()).extracting(Finding::object).contains("pgbouncer pool " + db.name() + "/" + db.user());
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.message()).contains("0 waiting client(s)"));
        }
    }

    @Test
    void shouldSayWhenNoAdminConsoleIsGivenAndBeUnknownWhenItCannotBeReached(TestDatabase db) {
        CheckResult none = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS).build().run()
                .check(CHECK).orElseThrow();
        assertThat(none.status()).isEqualTo(Status.HEALTHY);
        assertThat(none.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("No PgBouncer admin console given");
        });

        CheckResult unreachable = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS)
                .pgbouncerAdmin("jdbc:postgresql://127.0.0.1:1/pgbouncer?connectTimeout=2", "stats", "secret-password")
                .build().run().check(CHECK).orElseThrow();
        assertThat(unreachable.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unreachable.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("secret-password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scram-sha-256", "md5", "plain"})
    void shouldLogInToTheAdminConsoleWithAPassword(String authType, TestDatabase db) throws Exception {
        try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 2, authType)) {
            CheckResult result = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS)
                    .pgbouncerAdmin(bouncer.adminJdbcUrl() + "?user=" + PgBouncer.STATS_USER, null, PgBouncer.STATS_PASSWORD)
                    .build().run().check(CHECK).orElseThrow();
            assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.HEALTHY);

            CheckResult refused = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.OPERATIONS)
                    .pgbouncerAdmin(bouncer.adminJdbcUrl(), PgBouncer.STATS_USER, "wrong-password")
                    .build().run().check(CHECK).orElseThrow();
            assertThat(refused.status()).isEqualTo(Status.UNKNOWN);
            assertThat(refused.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("wrong-password"));
        }
    }

    @Test
    void shouldRunTheHealthCheckThroughTransactionPooling(TestDatabase db) {
        DataSource direct = db.dataSource();
        Set<String> unknownDirect = unknownChecks(TechzoneHealth.configure(direct).build().run());
        try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 2)) {
            PGSimpleDataSource pooled = (PGSimpleDataSource) bouncer.dataSource(0);
            for (int run = 0; run < 3; run++) {                     // repeated statements, as a monitor runs them
                HealthReport report = TechzoneHealth.configure(pooled)
                        .pgbouncerAdmin(bouncer.adminJdbcUrl(), bouncer.user(), null).build().run();
                assertThat(unknownChecks(report)).isSubsetOf(unknownDirect);
                assertThat(report.check("schema.migrations").orElseThrow().status()).isEqualTo(Status.HEALTHY);
                assertThat(report.check(CHECK).orElseThrow().findings()).extracting(Finding::object)
                        .contains("pgbouncer pool " + db.name() + "/" + db.user());
            }
        }
    }

    private static Set<String> unknownChecks(HealthReport report) {
        return report.checks().stream().filter(c -> c.status() == Status.UNKNOWN).map(CheckResult::id)
                .collect(Collectors.toSet());
    }

    private static void awaitWaitingClient(PgBouncer bouncer) throws Exception {
        PgBouncerConsole console = PgBouncerConsole.of(bouncer.adminJdbcUrl(), bouncer.user(), null);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (Map<String, String> pool : console.show("SHOW POOLS", Duration.ofSeconds(5))) {
                if (Long.parseLong(pool.get("cl_waiting")) > 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no client waited in PgBouncer within 10 s: " + List.of(bouncer.log()));
    }
}
