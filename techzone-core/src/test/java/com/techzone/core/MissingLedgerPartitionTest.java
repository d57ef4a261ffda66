package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.testing.TechzoneDatabaseTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A partitioned ledger whose current month has no partition (createPartitionsAhead() not run, or the
 * month detached by mistake): every stock change fails. The error names the ledger and the call that
 * fixes it, not "Refused by constraint (unnamed)" (found by the fresh-user trial), and nothing is written.
 */
@TechzoneDatabaseTest(partitionedLedgers = true)
class MissingLedgerPartitionTest {

    private final Shop shop;
    private final Techzone tz;

    MissingLedgerPartitionTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldNameTheLedgerAndTheMaintenanceCallWhenNoPartitionTakesTheRow() {
        Product product = shop.product("1.00", 5);
        String current = tz.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'inventory_logs'::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
                  AND now() >= coalesce((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']+)''\\)'))[1]::timestamptz, '-infinity')
                  AND now() < coalesce((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz, 'infinity')""")
                .mapTo(String.class).one());
        tz.jdbi().useHandle(h -> h.execute("ALTER TABLE inventory_logs DETACH PARTITION " + current));

        assertThatThrownBy(() -> tz.inventory().restock(product.id(), 3, null))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Refused by the partitioning of inventory_logs: no partition takes a row")
                            .contains("createPartitionsAhead()").doesNotContain("(unnamed)");
                    assertThat(e.sqlState()).contains("23514");
                });
        assertThat(tz.products().findById(product.id()).orElseThrow().stock()).as("nothing written").isEqualTo(5);
    }
}
