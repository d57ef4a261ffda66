package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.testing.TechzoneDatabaseTest;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * A transaction that starts first but changes the stock second must still write its ledger row
 * after the other's: readers order the ledger by {@code created_at}, and its {@code stock_after}
 * values must add up in that order. (Found under the checkout load through PgBouncer, whose extra
 * round trips widen the gap between a transaction's start and its stock change.)
 */
@TechzoneDatabaseTest
class LedgerOrderTest {

    @Test
    void shouldOrderTheLedgerByTheTimeOfEachChangeNotOfItsTransactionStart(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone tz = shop.techzone();
        Product product = shop.product("3.00", 10);

        try (Handle early = tz.jdbi().open()) {
            early.begin();
            early.createQuery("SELECT now()").mapTo(String.class).one();    // fixes the transaction's start
            tz.inventory().adjust(product.id(), 5, "counted", null);        // another transaction, committed first
            tz.inventory().adjust(early, product.id(), -2, "damaged", null);
            early.commit();
        }

        List<InventoryLog> newestFirst = tz.inventoryLogs().history(product.id(), null, 10).items();
        assertThat(newestFirst).extracting(InventoryLog::stockAfter).containsExactly(13, 15, 10);
        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }
}
