package com.techzone.health;

import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestCluster;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Risks of the whole cluster (wraparound, connection slots) judged over the cluster, not the current database. */
class ClusterScopeTest {

    private static final String OLDEST_BY_XID =
            "SELECT datname || ' ' || age(datfrozenxid) FROM pg_database ORDER BY age(datfrozenxid) DESC, datname LIMIT 1";
    private static final String OLDEST_BY_MULTIXACT =
            "SELECT datname || ' ' || mxid_age(datminmxid) FROM pg_database ORDER BY mxid_age(datminmxid) DESC, datname LIMIT 1";

    @Test
    void shouldJudgeTheOldestDatabaseOfTheClusterWhenTheCurrentOneIsFrozen() throws Exception {
        try (TestDatabase shop = TestPostgres.get().createMigratedDatabase();
             TestDatabase forgotten = TestPostgres.get().createEmptyDatabase()) {
            createMultixacts(shop, 3);
            shop.execute("DO $$ BEGIN FOR i IN 1..6000 LOOP PERFORM txid_current(); COMMIT; END LOOP; END $$", "VACUUM FREEZE");
            String[] oldestXid = single(shop, OLDEST_BY_XID).split(" ");
            String[] oldestMulti = single(shop, OLDEST_BY_MULTIXACT).split(" ");
            assertThat(oldestXid[0]).as("the other databases stay old").isNotEqualTo(shop.name());
            assertThat(Long.parseLong(oldestXid[1])).isGreaterThanOrEqualTo(6000);
            assertThat(Long.parseLong(single(shop, "SELECT age(datfrozenxid) FROM pg_database WHERE datname = current_database()")))
                    .as("the shop itself is frozen").isLessThan(1000);

            CheckResult result = check(shop, "ops.xid-wraparound", b -> b.groups(CheckGroup.OPERATIONS).threshold(Metric.XID_AGE, 5000, 1e12));

            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).hasSize(2);
            assertThat(result.findings()).filteredOn(f -> f.message().contains("transaction ID")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.object()).isEqualTo(oldestXid[0]);
                assertThat(Long.parseLong(f.measured())).isGreaterThanOrEqualTo(Long.parseLong(oldestXid[1]));
                assertThat(f.recommendation()).startsWith("In database " + oldestXid[0] + ", VACUUM (FREEZE, VERBOSE)");
            });
            assertThat(result.findings()).filteredOn(f -> f.message().contains("multixact ID")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.object()).isEqualTo(oldestMulti[0]).isNotEqualTo(shop.name());
                assertThat(Long.parseLong(f.measured())).isGreaterThanOrEqualTo(3);
            });
            assertThat(forgotten.name()).isNotEqualTo(shop.name());
        }
    }

    @Test
    void shouldDivideConnectionsByTheSlotsLeftAfterTheSuperuserReservedOnes() throws Exception {
        try (TestCluster server = TestCluster.start(Map.of("max_connections", "20", "superuser_reserved_connections", "3"))) {
            server.execute("postgres", "CREATE ROLE shop_app LOGIN", "CREATE ROLE shop_monitor LOGIN", "GRANT pg_monitor TO shop_monitor");
            List<Connection> application = new ArrayList<>();
            try {
                DataSource app = server.dataSource("postgres", "shop_app");
                for (int i = 0; i < 16; i++) {
                    application.add(app.getConnection());
                }
                HealthReport report = TechzoneHealth.configure(server.dataSource("postgres", "shop_monitor"))
                        .groups(CheckGroup.OPERATIONS).build().run();

                assertThat(report.check("ops.connections").orElseThrow().findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).as("the monitor took the last usable slot").isEqualTo(Severity.CRITICAL);
                    assertThat(f.measured()).isEqualTo("100%");
                    assertThat(f.message()).startsWith("17 of 17 usable connections in use");
                });
                // The monitor's session has closed, but its backend may still be exiting and holding the slot (seen
                // once on a loaded machine): wait until the server has let it go before taking the last slot.
                awaitNoSessionOf(application.get(0), "shop_monitor");
                application.add(app.getConnection());
                assertThatThrownBy(app::getConnection).as("17 usable slots, all taken").isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("53300"));
            } finally {
                for (Connection c : application) {
                    c.close();
                }
            }
        }
    }

    @Test
    void shouldMeasureDiskUsageOverEveryDatabaseAndTheWal() throws Exception {
        try (TestDatabase shop = TestPostgres.get().createMigratedDatabase();
             TestDatabase other = TestPostgres.get().createEmptyDatabase()) {
            other.execute("CREATE TABLE archive AS SELECT g, repeat('x', 500) AS filler FROM generate_series(1, 20000) g");
            long shopBytes = Long.parseLong(single(shop, "SELECT pg_database_size(current_database())"));

            // A volume twice the shop's size: half full by the shop alone, overfull by the cluster (other database, WAL).
            CheckResult result = check(shop, "ops.disk", b -> b.groups(CheckGroup.OPERATIONS).diskCapacityBytes(2 * shopBytes));

            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.object()).isEqualTo("cluster");
                assertThat(f.message()).startsWith("The cluster takes ").contains("all databases").contains("WAL");
                assertThat(Double.parseDouble(f.measured().replace("%", ""))).isGreaterThan(100);
            });
        }
    }

    private static void awaitNoSessionOf(Connection connection, String role) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (PreparedStatement sessions = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE usename = ?")) {
            sessions.setString(1, role);
            while (true) {
                try (ResultSet rs = sessions.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the sessions of " + role + " are gone within 10 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    /** Each pair of sessions sharing a row lock creates one multixact. */
    private static void createMultixacts(TestDatabase db, int count) throws SQLException {
        db.execute("CREATE TABLE multixact_demo (id int PRIMARY KEY)", "INSERT INTO multixact_demo VALUES (1)");
        for (int i = 0; i < count; i++) {
            try (Connection a = db.dataSource().getConnection(); Connection b = db.dataSource().getConnection();
                 Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                a.setAutoCommit(false);
                b.setAutoCommit(false);
                sa.execute("SELECT * FROM multixact_demo FOR SHARE");
                sb.execute("SELECT * FROM multixact_demo FOR SHARE");
                a.commit();
                b.commit();
            }
        }
    }

    private static String single(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
