package com.techzone.health;

import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.connection.host.PgHostImpl;
import io.github.mfvanek.pg.core.checks.host.TablesWithBloatCheckOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.table.TableWithBloat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An orders table partitioned by range: its size, rows and dead tuples are the sums over its partitions. */
class PartitionedTablesTest {

    private static TestDatabase db;

    @BeforeAll
    static void partitionedOrders() {
        db = TestPostgres.get().createEmptyDatabase();
        db.execute("""
                CREATE TABLE orders (id bigint NOT NULL, created_at timestamptz NOT NULL, total numeric(12,2) NOT NULL, note text)
                    PARTITION BY RANGE (created_at)""",
                "CREATE TABLE orders_2026_q1 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2026-04-01')",
                "CREATE TABLE orders_2026_q2 PARTITION OF orders FOR VALUES FROM ('2026-04-01') TO ('2026-07-01')",
                "INSERT INTO orders SELECT g, '2026-01-01'::timestamptz + (g % 180) * interval '1 day', 10, repeat('x', 60) "
                        + "FROM generate_series(1, 100000) g",
                Statistics.FLUSH, "VACUUM ANALYZE orders"); // the insert's counts first, so VACUUM's live count stands
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void shouldMeasureAPartitionedTableAsTheSumOfItsPartitions() {
        long partitionBytes = ((Number) value("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits "
                + "WHERE inhparent = 'orders'::regclass")).longValue();
        assertThat(partitionBytes).as("100000 rows of ~100 bytes").isGreaterThan(8L << 20);

        // Warn past 8 MiB (0.0078125 GiB): only a size that counts the partitions reaches it.
        CheckResult result = check(db, "ops.table-growth", b -> b.groups(CheckGroup.OPERATIONS)
                .threshold(Metric.TABLE_SIZE_GIB, 8.0 / 1024, 100));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("orders");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("Table orders holds about 100000 rows in ").endsWith(" over its 2 partition(s)")
                    .doesNotContain(" 0 bytes");
            assertThat(f.recommendation()).contains("DETACH PARTITION");
        });
    }

    @Test
    void shouldSumDeadTuplesOverThePartitions() {
        db.execute("DELETE FROM orders WHERE id % 4 <> 0", Statistics.FLUSH);
        Statistics.awaitVisible(db, "SELECT sum(n_dead_tup) >= 75000 FROM pg_stat_user_tables WHERE relname LIKE 'orders_%'");

        CheckResult result;
        try {
            result = check(db, "ops.autovacuum", b -> b.groups(CheckGroup.OPERATIONS));
        } finally { // the other tests see the 100000 rows again, whatever the order
            db.execute("INSERT INTO orders SELECT g, '2026-01-01'::timestamptz + (g % 180) * interval '1 day', 10, repeat('x', 60) "
                    + "FROM generate_series(1, 100000) g WHERE g % 4 <> 0", Statistics.FLUSH, "VACUUM ANALYZE orders");
        }

        assertThat(result.findings()).filteredOn(f -> f.message().contains("dead tuples")).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("orders");
            assertThat(f.severity()).as(f.message()).isEqualTo(Severity.CRITICAL);
            // 75000 dead for 25000 live: the live count is not asserted, as on PostgreSQL 14 the insert's counts may
            // reach the statistics after VACUUM's.
            assertThat(f.message()).startsWith("Table orders (2 partitions) has 75000 dead tuples for ");
            assertThat(f.recommendation()).startsWith("VACUUM (ANALYZE) orders");
        });
    }

    @Test
    void shouldSeeThePartitionsIndexes() {
        db.execute("CREATE INDEX orders_created_at ON orders (created_at)", "CREATE INDEX orders_created_at_copy ON orders (created_at)");
        try {
            CheckResult result = check(db, "index.duplicated", b -> b.groups(CheckGroup.INDEXES));

            assertThat(result.status()).isEqualTo(Status.WARNING);
            assertThat(result.findings()).as("on the partitioned table, whose DROP INDEX removes the partitions' copies too")
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.WARNING);
                        assertThat(f.object()).isEqualTo("orders.orders_created_at_copy");
                    });
        } finally {
            db.execute("DROP INDEX orders_created_at_copy", "DROP INDEX orders_created_at");
        }
    }

    @Test
    void shouldJudgeTheBloatOfAPartitionedTableAsOneTable() {
        // Two partitions bloated differently (95% and 50% of their rows deleted): the table's percent is
        // the sum of their bloat over the sum of their sizes, which neither partition has alone.
        db.execute("CREATE TABLE ledger (id bigint NOT NULL, note text) PARTITION BY RANGE (id)",
                "CREATE TABLE ledger_1 PARTITION OF ledger FOR VALUES FROM (0) TO (10000) WITH (autovacuum_enabled = false)",
                "CREATE TABLE ledger_2 PARTITION OF ledger FOR VALUES FROM (10000) TO (20000) WITH (autovacuum_enabled = false)",
                "INSERT INTO ledger SELECT g, repeat('x', 200) FROM generate_series(0, 19999) g",
                "DELETE FROM ledger WHERE id < 10000 AND id % 20 <> 0", "DELETE FROM ledger WHERE id >= 10000 AND id % 2 <> 0",
                "ANALYZE ledger");
        try {
            // what pg-index-health estimates for each partition, read here directly
            List<TableWithBloat> partitions = new TablesWithBloatCheckOnHost(
                    PgConnectionImpl.of(db.dataSource(), PgHostImpl.ofUrl(db.jdbcUrl()))).check(PgContext.of("public", 0))
                    .stream().filter(t -> t.getTableName().matches("(public\\.)?ledger_[12]")).toList();
            assertThat(partitions).hasSize(2);
            long size = partitions.stream().mapToLong(TableWithBloat::getTableSizeInBytes).sum();
            long bloat = partitions.stream().mapToLong(TableWithBloat::getBloatSizeInBytes).sum();
            double percent = 100.0 * bloat / size;
            assertThat(bloat).as("MB on both sides, as the message writes them").isBetween(1L << 20, size);
            assertThat(size).isLessThan(100L << 20);
            assertThat(partitions).as("the sum differs from each partition's own percent")
                    .allSatisfy(t -> assertThat(Math.abs(t.getBloatPercentage() - percent)).isGreaterThan(5));

            CheckResult result = check(db, "index.table-bloat", b -> b.groups(CheckGroup.INDEXES).bloatMinimumBytes(0));

            assertThat(result.findings()).extracting(Finding::object).as("the partitions are summed into their table")
                    .doesNotContain("ledger_1", "ledger_2");
            assertThat(result.findings()).filteredOn(f -> f.object().equals("ledger")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.message()).isEqualTo(String.format(Locale.ROOT, "Table ledger is about %d%% bloat (%.1f MB of %.1f MB)",
                        Math.round(percent), bloat / 1048576.0, size / 1048576.0));
                assertThat(f.measured()).isEqualTo(percent == Math.rint(percent) ? (long) percent + "%"
                        : String.format(Locale.ROOT, "%.1f%%", percent));
            });
        } finally {
            db.execute("DROP TABLE ledger");
        }
    }

    private static Object value(String sql) {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
