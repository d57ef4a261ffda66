package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server kills the backend of a checkout half-way (pg_terminate_backend): nothing is left of it, the pool carries on. */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminatedBackendTest {

    private TestDatabase database;
    private HikariDataSource pool;
    private Shop shop;
    private Techzone tz;

    @BeforeAll
    void startPool(TestDatabase database) {
        this.database = database;
        pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "terminated-backend-test");
        pool.setMaximumPoolSize(2);
        shop = Shop.on(pool);
        tz = shop.techzone();
    }

    @AfterAll
    void stopPool() {
        pool.close();
    }

    @Test
    void shouldLeaveNothingOfACheckoutWhoseBackendIsTerminatedAndServeTheNextCall() throws Exception {
        Product cable = shop.product("9.99", 20);
        Product mouse = shop.product("24.50", 20);
        User customer = shop.customer();
        tz.carts().add(customer.id(), cable.id(), 2);
        tz.carts().add(customer.id(), mouse.id(), 1);
        long ordersBefore = shop.count("SELECT count(*) FROM orders");
        long ledgerBefore = shop.count("SELECT count(*) FROM inventory_logs");
        CompletableFuture<CheckoutResult> checkout;

        try (RowLock lock = RowLock.on(database.dataSource(), "products", mouse.id())) {
            checkout = CompletableFuture.supplyAsync(() -> tz.checkout().checkout(CheckoutRequest.of(customer.id())));
            int blocked = lock.awaitBlockedBackend();       // the checkout, waiting for the mouse's row lock
            assertThat(lock.terminate(blocked)).isTrue();
        }

        assertThat(checkout).failsWithin(30, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(DatabaseUnavailableException.class)
                .withMessageContaining("terminating connection due to administrator command")
                .withMessageContaining("rolled back")
                .satisfies(e -> assertThat(((DatabaseUnavailableException) e).sqlState()).contains("57P01"));
        assertThat(shop.count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
        assertThat(shop.count("SELECT count(*) FROM order_items")).isZero();
        assertThat(shop.count("SELECT count(*) FROM order_status_history")).isZero();
        assertThat(shop.count("SELECT count(*) FROM inventory_logs")).isEqualTo(ledgerBefore);
        assertThat(tz.products().findById(cable.id()).orElseThrow().stock()).isEqualTo(20);
        assertThat(tz.products().findById(mouse.id()).orElseThrow().stock()).isEqualTo(20);
        assertThat(tz.carts().listForUser(customer.id())).hasSize(2);

        CheckoutResult retried = tz.checkout().checkout(CheckoutRequest.of(customer.id()));   // same pool, next call

        assertThat(retried.items()).hasSize(2);
        assertThat(tz.products().findById(mouse.id()).orElseThrow().stock()).isEqualTo(19);
        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }

    @Test
    void shouldServeCallsAgainAfterItsIdleConnectionsAreKilled() {
        tz.products().findBySku("WARM-UP");
        long killed = countOnOwnConnection("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM ("
                + "SELECT pid FROM pg_stat_activity WHERE application_name = 'terminated-backend-test' OFFSET 0) pool");
        assertThat(killed).as("idle connections of the pool terminated").isBetween(1L, 2L);

        // HikariCP validates connections idle for more than 500 ms before lending them; a connection
        // lent sooner may be a dead one: each dead connection fails at most one call, typed, and the
        // pool evicts it: no more calls fail than connections were killed.
        int failures = 0;
        for (int i = 0; i < 3; i++) {
            try {
                tz.products().findBySku("AFTER-KILL");
            } catch (DatabaseUnavailableException e) {
                failures++;
            }
        }
        assertThat(failures).isLessThanOrEqualTo((int) killed);
        assertThat(tz.products().findBySku("AFTER-KILL")).isEmpty();
    }

    /** A count on a connection of its own, outside the pool under test. */
    private long countOnOwnConnection(String sql) {
        try (java.sql.Connection c = database.dataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
