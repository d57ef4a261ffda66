package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.Shop;
import com.techzone.core.StatementTimeoutException;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A workflow waiting on a lock held elsewhere runs into the pool's statement_timeout / lock_timeout:
 * typed error, transaction rolled back, the pool's connection still good.
 */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementTimeoutTest {

    private TestDatabase database;
    private HikariDataSource pool;
    private Shop shop;
    private Techzone tz;

    @BeforeAll
    void startPool(TestDatabase database) {
        this.database = database;
        HikariConfig config = TechzonePool.config(database.jdbcUrl(), database.user(), database.password(), "timeout-test");
        config.setConnectionInitSql("SET statement_timeout = '300ms'");
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        shop = Shop.on(pool);
        tz = shop.techzone();
    }

    @AfterAll
    void stopPool() {
        pool.close();
    }

    @Test
    void shouldRollBackACheckoutThatRunsIntoTheStatementTimeout() throws Exception {
        Product lamp = shop.product("30.00", 5);
        User customer = shop.customer();
        tz.carts().add(customer.id(), lamp.id(), 2);

        try (RowLock lock = RowLock.on(database.dataSource(), "products", lamp.id())) {
            assertThat(lock).as("the lamp's row is locked elsewhere").isNotNull();
            assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(customer.id())))
                    .isInstanceOf(StatementTimeoutException.class)
                    .hasMessageContaining("statement timeout")
                    .hasMessageContaining("rolled back")
                    .satisfies(e -> assertThat(((StatementTimeoutException) e).sqlState()).contains("57014"));
        }

        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + customer.id() + "'"))
                .as("the customer's orders, whatever other tests of this class placed").isZero();
        assertThat(tz.products().findById(lamp.id()).orElseThrow().stock()).isEqualTo(5);
        assertThat(tz.inventoryLogs().sumOfChanges(lamp.id())).isEqualTo(5);
        assertThat(tz.carts().listForUser(customer.id())).hasSize(1);
        assertThat(tz.checkout().checkout(CheckoutRequest.of(customer.id())).items()).hasSize(1);   // lock gone: works
    }

    @Test
    void shouldRollBackACancellationInTheHostsTransactionThatRunsIntoTheLockTimeout() throws Exception {
        Product desk = shop.product("120.00", 4);
        User customer = shop.customer();
        tz.carts().add(customer.id(), desk.id(), 3);
        Order order = tz.checkout().checkout(CheckoutRequest.of(customer.id())).order();
        long historyBefore = shop.count("SELECT count(*) FROM order_status_history");

        try (RowLock lock = RowLock.on(database.dataSource(), "products", desk.id())) {
            assertThat(lock).as("the desk's row is locked elsewhere").isNotNull();
            assertThatThrownBy(() -> tz.jdbi().useTransaction(h -> {
                h.execute("SET LOCAL lock_timeout = '200ms'");
                tz.orderLifecycle().transition(h, order.id(), OrderStatus.CANCELLED, null, "customer asked");
            })).isInstanceOf(StatementTimeoutException.class)
                    .hasMessageContaining("lock timeout")
                    .satisfies(e -> assertThat(((StatementTimeoutException) e).sqlState()).contains("55P03"));
        }

        assertThat(tz.orders().findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(tz.products().findById(desk.id()).orElseThrow().stock()).isEqualTo(1);
        assertThat(shop.count("SELECT count(*) FROM order_status_history")).isEqualTo(historyBefore);
        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }
}
