package com.techzone.core;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/**
 * The suites that write and read the two ledgers again, on a database whose {@code inventory_logs}
 * and {@code order_status_history} were converted to monthly partitioned tables by
 * {@link com.techzone.migrations.LedgerPartitioning} (in schema {@code public}, and in schema
 * {@code shop} beside a host's decoys): the DAOs, the workflows and their invariants must not notice.
 */
class PartitionedLedgersSuiteTest {

    @Nested
    @TechzoneDatabaseTest(partitionedLedgers = true)
    class CartAndInventory extends CartAndInventoryTest {
        CartAndInventory(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(partitionedLedgers = true)
    class Checkouts extends CheckoutTest {
        Checkouts(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(partitionedLedgers = true)
    class Lifecycle extends OrderLifecycleTest {
        Lifecycle(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(partitionedLedgers = true)
    class Refunds extends RefundRestockTest {
        Refunds(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(partitionedLedgers = true)
    class Catalog extends CatalogDaoTest {
        Catalog(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @TechzoneDatabaseTest(partitionedLedgers = true)
    class Import extends ProductImportTest {
        Import(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop", partitionedLedgers = true)
    class ShopCheckouts extends CheckoutTest {
        ShopCheckouts(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop", partitionedLedgers = true)
    class ShopLifecycle extends OrderLifecycleTest {
        ShopLifecycle(DataSource dataSource) {
            super(dataSource);
        }
    }
}
