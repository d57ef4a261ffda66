package com.techzone.core;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/**
 * The DAO and workflow suites again, with TechZone migrated into schema {@code shop} while
 * {@code public} holds a host's tables and types of the same names (other columns, other labels):
 * a statement that does not name the schema reaches a decoy and fails the test. Each suite builds
 * its facade with {@code Techzone.configure(dataSource).schema("shop")} through {@link Shop#on}.
 */
class ShopSchemaSuiteTest {

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class Catalog extends CatalogDaoTest {
        Catalog(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class CartAndInventory extends CartAndInventoryTest {
        CartAndInventory(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class Checkouts extends CheckoutTest {
        Checkouts(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class Lifecycle extends OrderLifecycleTest {
        Lifecycle(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class Import extends ProductImportTest {
        Import(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class ReviewsBookingsContacts extends ReviewBookingContactTest {
        ReviewsBookingsContacts(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class Reports extends SalesReportTest {
        Reports(DataSource dataSource) {
            super(dataSource);
        }
    }

    @Nested
    @TechzoneDatabaseTest(schema = "shop")
    class UsersAndAccounts extends UserAndAccountsTest {
        UsersAndAccounts(DataSource dataSource) {
            super(dataSource);
        }
    }
}
