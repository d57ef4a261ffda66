package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The health check on a streaming replica (read-only) and on its primary. */
class ReplicaTest {

    private static TestCluster primary;
    private static TestCluster replica;

    @BeforeAll
    static void startPrimaryAndReplica() {
        primary = TestCluster.start(Map.of());
        primary.createMigratedDatabase("shop");
        primary.execute("shop", "CREATE EXTENSION pg_stat_statements");
        replica = primary.startReplica();
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void shouldSayACaughtUpReplicaOfAnIdlePrimaryIsNotBehind() {
        caughtUp();
        // The primary stays idle: the time since the last replayed commit grows, the lag does not.
        replica.awaitTrue("shop", "SELECT clock_timestamp() - pg_last_xact_replay_timestamp() > interval '2 s'");
        replica.awaitTrue("shop", "SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()");

        CheckResult result = TechzoneHealth.configure(replica.dataSource("shop")).groups(CheckGroup.OPERATIONS)
                .threshold(Metric.REPLICATION_LAG_SECONDS, 1, 600).build().run().check("ops.replication-lag").orElseThrow();

        assertThat(result.status()).isEqualTo(Status.HEALTHY);
        assertThat(result.findings()).filteredOn(f -> f.object().equals("this server (replica)")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.measured()).isEqualTo("0 s");
        });
        assertThat(result.findings()).filteredOn(f -> f.object().equals("hot_standby_feedback")).singleElement()
                .satisfies(f -> assertThat(f.measured()).isEqualTo("off"));
    }

    @Test
    void shouldMeasureTheLagOfAReplicaThatHasNotReplayedWhatItReceived() {
        caughtUp();
        replica.execute("shop", "SELECT pg_wal_replay_pause()");
        try {
            primary.execute("shop", "INSERT INTO contacts (name, email, subject, message) VALUES ('L', 'lag@shop.example', 'Q', 'm')");
            String sent = (String) primary.queryValue("shop", "SELECT pg_current_wal_insert_lsn()::text");
            replica.awaitTrue("shop", "SELECT pg_last_wal_receive_lsn() >= '" + sent + "'::pg_lsn");
            replica.awaitTrue("shop", "SELECT clock_timestamp() - pg_last_xact_replay_timestamp() > interval '2 s'");

            CheckResult result = TechzoneHealth.configure(replica.dataSource("shop")).groups(CheckGroup.OPERATIONS)
                    .threshold(Metric.REPLICATION_LAG_SECONDS, 1, 600).build().run().check("ops.replication-lag").orElseThrow();

            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).filteredOn(f -> f.object().equals("this server (replica)")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(Double.parseDouble(f.measured().replace(" s", ""))).isGreaterThanOrEqualTo(2);
            });
        } finally {
            replica.execute("shop", "SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void shouldRunTheWholeHealthCheckOnTheReadOnlyReplica() {
        caughtUp();
        HealthReport report = TechzoneHealth.configure(replica.dataSource("shop")).groups(CheckGroup.values()).build().run();

        assertThat(report.score()).hasToString("6/6");
        assertThat(report.findings(Severity.UNKNOWN)).as("nothing unmeasured on a replica").isEmpty();
        assertThat(report.checks()).extracting(CheckResult::id).contains("ops.replication-lag", "domain.order-totals",
                "index.sequence-overflow", "schema.migrations");
    }

    @Test
    void shouldReportTheReplicaOnThePrimary() {
        caughtUp();
        CheckResult result = TechzoneHealth.configure(primary.dataSource("shop")).groups(CheckGroup.OPERATIONS).build().run()
                .check("ops.replication-lag").orElseThrow();

        assertThat(result.status()).isEqualTo(Status.HEALTHY);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).startsWith("techzone_replica@");
            assertThat(f.message()).contains("(streaming)");
        });
    }

    @Test
    void shouldReportTheReplicasItWasGivenCaughtUpLaggingAndDown() {
        caughtUp();
        replica.awaitTrue("shop", "SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()");
        // A background WAL record (a checkpoint's, a snapshot's) can arrive between the wait and the
        // check: the replica is then behind until it replays it, so look again (bounded).
        CheckResult caughtUp = replicasCheck(600);
        for (int attempt = 1; attempt < 20 && !"0 s".equals(caughtUp.findings().get(0).measured()); attempt++) {
            replica.awaitTrue("shop", "SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()");
            caughtUp = replicasCheck(600);
        }
        assertThat(caughtUp.status()).isEqualTo(Status.HEALTHY);
        assertThat(caughtUp.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).startsWith("replica 1 (");
            assertThat(f.measured()).as(f.message()).isEqualTo("0 s");
            assertThat(f.message()).contains("receiving WAL");
        });

        replica.execute("shop", "SELECT pg_wal_replay_pause()");
        try {
            primary.execute("shop", "INSERT INTO heartbeat VALUES (2)");
            String sent = (String) primary.queryValue("shop", "SELECT pg_current_wal_insert_lsn()::text");
            replica.awaitTrue("shop", "SELECT pg_last_wal_receive_lsn() >= '" + sent + "'::pg_lsn");
            replica.awaitTrue("shop", "SELECT clock_timestamp() - pg_last_xact_replay_timestamp() > interval '2 s'");
            CheckResult lagging = replicasCheck(600);
            assertThat(lagging.status()).isEqualTo(Status.WARNING);
            assertThat(lagging.findings()).singleElement()
                    .satisfies(f -> assertThat(Double.parseDouble(f.measured().replace(" s", ""))).isGreaterThanOrEqualTo(2));
        } finally {
            replica.execute("shop", "SELECT pg_wal_replay_resume()");
        }

        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/shop");
        CheckResult down = TechzoneHealth.configure(primary.dataSource("shop")).groups(CheckGroup.OPERATIONS)
                .replicas(replica.dataSource("shop"), nowhere).build().run().check("ops.replicas").orElseThrow();
        assertThat(down.status()).isEqualTo(Status.WARNING);
        assertThat(down.findings()).hasSize(2).last().satisfies(f -> {
            assertThat(f.object()).isEqualTo("replica 2");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("cannot be reached");
        });

        CheckResult none = TechzoneHealth.configure(primary.dataSource("shop")).groups(CheckGroup.OPERATIONS).build().run()
                .check("ops.replicas").orElseThrow();
        assertThat(none.status()).isEqualTo(Status.HEALTHY);
        assertThat(none.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("No read replicas given"));
    }

    /** ops.replicas run on the primary, given the replica, with a lag warning from 1 s. */
    private static CheckResult replicasCheck(double critical) {
        return TechzoneHealth.configure(primary.dataSource("shop")).groups(CheckGroup.OPERATIONS).replicas(replica.dataSource("shop"))
                .threshold(Metric.REPLICATION_LAG_SECONDS, 1, critical).build().run().check("ops.replicas").orElseThrow();
    }

    @Test
    void shouldWarnAboutQueriesCancelledByRecoveryConflicts() throws Exception {
        primary.execute("postgres", "CREATE DATABASE conflicts");
        primary.execute("conflicts", "CREATE TABLE notes (id int PRIMARY KEY, body text) WITH (autovacuum_enabled = false)",
                "INSERT INTO notes SELECT g, 'n' FROM generate_series(1, 1000) g");
        caughtUp();
        replica.awaitTrue("conflicts", "SELECT count(*) = 1000 FROM notes");
        replica.execute("postgres", "ALTER SYSTEM SET max_standby_streaming_delay = 0", "SELECT pg_reload_conf()");
        try (Connection reader = replica.dataSource("conflicts").getConnection()) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = reader.createStatement()) {
                s.executeQuery("SELECT count(*) FROM notes").close();
            }
            // The primary removes rows the reader's snapshot still sees: replaying that cancels the reader.
            primary.execute("conflicts", "DELETE FROM notes", "VACUUM notes");
            replica.awaitTrue("conflicts", "SELECT confl_snapshot > 0 FROM pg_stat_database_conflicts WHERE datname = 'conflicts'");
        } catch (SQLException expected) {
            // the reader's connection was ended by the conflict
        } finally {
            replica.execute("postgres", "ALTER SYSTEM RESET max_standby_streaming_delay", "SELECT pg_reload_conf()");
        }

        CheckResult result = TechzoneHealth.configure(replica.dataSource("conflicts")).groups(CheckGroup.OPERATIONS).build().run()
                .check("ops.replication-lag").orElseThrow();

        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).filteredOn(f -> f.object().equals("recovery conflicts")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("1 queries of this database were cancelled").contains("1 of them snapshot conflicts");
            assertThat(f.recommendation()).contains("hot_standby_feedback");
        });
    }

    /** The primary commits once and the replica replays it. */
    private static void caughtUp() {
        primary.execute("shop", "CREATE TABLE IF NOT EXISTS heartbeat (x int)", "INSERT INTO heartbeat VALUES (1)");
        String sent = (String) primary.queryValue("shop", "SELECT pg_current_wal_insert_lsn()::text");
        replica.awaitTrue("shop", "SELECT pg_last_wal_replay_lsn() >= '" + sent + "'::pg_lsn");
    }
}
