package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code techzone partition-ledgers}: the conversion, the monthly job, and a refusal, as a user sees them. */
class PartitionLedgersCommandTest {

    @Test
    void shouldConvertBothLedgersOnceAndThenOnlyKeepPartitionsAhead() throws SQLException {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            assertThat(CliRun.of("migrate", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--schema", "shop").exitCode()).isZero();

            CliRun convert = CliRun.of("partition-ledgers", "--jdbc-url", db.jdbcUrl(), "--user", db.user(),
                    "--schema", "shop", "--months-ahead", "2");

            assertThat(convert.exitCode()).as(convert.err()).isZero();
            assertThat(convert.out()).contains("(schema shop): converted inventory_logs and order_status_history, created ")
                    .contains("Longest lock blocking the shop: ");
            assertThat(partitionedTables(db)).isEqualTo(2);

            CliRun again = CliRun.of("partition-ledgers", "--jdbc-url", db.jdbcUrl(), "--user", db.user(),
                    "--schema", "shop", "--months-ahead", "2", "--ahead-only");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("(schema shop): nothing to do.");

            CliRun further = CliRun.of("partition-ledgers", "--jdbc-url", db.jdbcUrl(), "--user", db.user(),
                    "--schema", "shop", "--months-ahead", "3", "--ahead-only");
            assertThat(further.out()).contains("(schema shop): created 2 partition(s).");
        }
    }

    @Test
    void shouldRefuseASchemaWithoutTheTechzoneTablesInOneLine() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            CliRun run = CliRun.of("partition-ledgers", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--schema", "shop");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: ");
            assertThat(run.out()).isEmpty();
        }
    }

    /**
     * A refusal in the library's words (the rows' month, the default partition, the doc section to
     * follow), not the server's "updated partition constraint for default partition ... would be
     * violated" that the CLI printed before: the outermost TechzoneException of the chain wins.
     */
    @Test
    void shouldRefuseAMonthWhoseRowsSitInTheDefaultPartitionInTheLibrarysWords() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            assertThat(CliRun.of("migrate", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--schema", "shop").exitCode()).isZero();
            assertThat(CliRun.of("partition-ledgers", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--schema", "shop",
                    "--default-partition").exitCode()).isZero();
            db.execute("INSERT INTO shop.products (id, sku, name, price, stock) VALUES "
                            + "('00000000-0000-0000-0000-000000000001', 'LAP-1', 'Laptop', 999.00, 5)",
                    "INSERT INTO shop.inventory_logs (product_id, change, reason, stock_after, created_at) VALUES "
                            + "('00000000-0000-0000-0000-000000000001', 5, 'initial', 5, now() + interval '5 months')");

            CliRun run = CliRun.of("partition-ledgers", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--schema", "shop",
                    "--ahead-only", "--default-partition", "--months-ahead", "6");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).hasSize(1).first().asString()
                    .startsWith("error: The default partition ").contains("inventory_logs_p_default", "Rows in the default partition")
                    .doesNotContain("would be violated");
        }
    }

    private static int partitionedTables(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
                     WHERE c.relnamespace = 'shop'::regnamespace
                       AND c.relname IN ('inventory_logs', 'order_status_history')""")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
