package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.ConcurrencyFailureException;
import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bounded retry of serialization failures (40001) and deadlocks (40P01) inside the workflows.
 * A trigger injects the failure the first N times a table is written: the count lives in a sequence,
 * which a rollback does not undo, so it also counts the attempts. The trigger is dropped after each test.
 */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowRetryTest {

    /** The bound docs/usage.md and docs/reliability.md promise: 5 attempts (a literal, so a changed constant fails here). */
    private static final int BOUND = 5;

    private TestDatabase database;
    private Shop shop;
    private Techzone tz;

    @BeforeAll
    void setUp(TestDatabase database, DataSource dataSource) {
        this.database = database;
        shop = Shop.on(dataSource);
        tz = shop.techzone();
    }

    @AfterEach
    void removeFault() {
        database.execute("DROP TRIGGER IF EXISTS injected_failure ON orders",
                "DROP TRIGGER IF EXISTS injected_failure ON order_status_history",
                "DROP FUNCTION IF EXISTS injected_failure()",
                "DROP SEQUENCE IF EXISTS injected_failure_attempts");
    }

    /** The next {@code failures} inserts into {@code table} fail with {@code sqlState}; later ones pass. */
    private void injectFailures(String table, int failures, String sqlState) {
        database.execute("CREATE SEQUENCE injected_failure_attempts",
                "CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF nextval('injected_failure_attempts') <= " + failures + " THEN "
                        + "RAISE EXCEPTION 'injected failure' USING ERRCODE = '" + sqlState + "'; END IF; "
                        + "RETURN NEW; END $$",
                "CREATE TRIGGER injected_failure BEFORE INSERT ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION injected_failure()");
    }

    private long attemptsMade() {
        return shop.count("SELECT last_value FROM injected_failure_attempts");
    }

    @Test
    void shouldPlaceTheOrderWhenTheLastAllowedAttemptSucceeds() {
        Product router = shop.product("80.00", 10);
        User customer = shop.customer();
        tz.carts().add(customer.id(), router.id(), 2);
        injectFailures("orders", BOUND - 1, "40001");

        CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(customer.id()));

        assertThat(attemptsMade()).isEqualTo(BOUND);
        assertThat(result.items()).singleElement().satisfies(i -> assertThat(i.quantity()).isEqualTo(2));
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + customer.id() + "'")).isEqualTo(1);
        assertThat(tz.products().findById(router.id()).orElseThrow().stock()).isEqualTo(8);
        assertThat(tz.carts().listForUser(customer.id())).isEmpty();
        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }

    @Test
    void shouldGiveUpAfterTheBoundSayingHowManyAttemptsWereMadeAndWriteNothing() {
        Product modem = shop.product("60.00", 10);
        User customer = shop.customer();
        tz.carts().add(customer.id(), modem.id(), 3);
        injectFailures("orders", BOUND, "40001");

        assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(customer.id())))
                .isInstanceOf(ConcurrencyFailureException.class)
                .hasMessageContaining("Gave up after " + BOUND + " attempts")
                .satisfies(e -> {
                    ConcurrencyFailureException failure = (ConcurrencyFailureException) e;
                    assertThat(failure.attempts()).isEqualTo(BOUND);
                    assertThat(failure.sqlState()).contains("40001");
                });

        assertThat(attemptsMade()).isEqualTo(BOUND);
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + customer.id() + "'")).isZero();
        assertThat(tz.products().findById(modem.id()).orElseThrow().stock()).isEqualTo(10);
        assertThat(tz.inventoryLogs().sumOfChanges(modem.id())).isEqualTo(10);
        assertThat(tz.carts().listForUser(customer.id())).hasSize(1);
        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }

    @Test
    void shouldRetryAStatusMoveThatLostADeadlock() {
        Order order = placedOrder(4);
        injectFailures("order_status_history", 2, "40P01");

        Order cancelled = tz.orderLifecycle().cancel(order.id(), null, "out of budget");

        assertThat(attemptsMade()).isEqualTo(3);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(tz.orderHistory().listByOrder(order.id())).hasSize(2);   // placed, cancelled: once
        assertThat(tz.inventoryLogs().listByOrder(order.id())).hasSize(2);   // sale, cancellation: once
        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }

    @Test
    void shouldNotRetryInsideTheHostsTransaction() {
        Order order = placedOrder(1);
        injectFailures("order_status_history", 1, "40P01");

        assertThatThrownBy(() -> tz.jdbi().useTransaction(h ->
                tz.orderLifecycle().transition(h, order.id(), OrderStatus.PROCESSING, null, null)))
                .isInstanceOf(ConcurrencyFailureException.class)
                .hasMessageContaining("not retried")
                .satisfies(e -> assertThat(((ConcurrencyFailureException) e).attempts()).isEqualTo(1));

        assertThat(attemptsMade()).isEqualTo(1);
        assertThat(tz.orders().findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(tz.orderHistory().listByOrder(order.id())).hasSize(1);
    }

    private Order placedOrder(int units) {
        Product product = shop.product("15.00", 10);
        User customer = shop.customer();
        tz.carts().add(customer.id(), product.id(), units);
        return tz.checkout().checkout(CheckoutRequest.of(customer.id())).order();
    }
}
