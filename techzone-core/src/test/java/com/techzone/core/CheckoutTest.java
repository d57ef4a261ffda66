package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryReason;
import com.techzone.core.inventory.Shortage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.EmptyCartException;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.order.OrderStatusChange;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class CheckoutTest {

    private final Shop shop;
    private final Techzone tz;

    CheckoutTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldTurnTheCartIntoAnOrderWithSnapshotsLedgerHistoryAndAnEmptyCart() {
        User user = shop.customer();
        Product mouse = shop.product("19.99", 10);
        Product cable = shop.product("5.25", 4);
        tz.carts().add(user.id(), mouse.id(), 3);
        tz.carts().add(user.id(), cable.id(), 2);

        CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(user.id()).withShippingAddress("1 Main St")
                .withTaxRate(new BigDecimal("0.0725")).withShipping(new BigDecimal("4.99")).withDiscount(new BigDecimal("1.00")));

        // subtotal 59.97 + 10.50 = 70.47; tax on the discounted 69.47: 69.47 * 0.0725 = 5.036575 -> 5.04
        assertThat(result.replayed()).isFalse();
        assertThat(result.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(result.order().subtotal()).isEqualByComparingTo("70.47");
        assertThat(result.order().tax()).isEqualByComparingTo("5.04");
        assertThat(result.order().total()).isEqualByComparingTo("79.50");
        assertThat(result.order().shippingAddress()).isEqualTo("1 Main St");
        List<OrderItem> items = tz.orderItems().listByOrder(result.order().id());
        assertThat(items).extracting(OrderItem::sku, OrderItem::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(mouse.sku(), 3),
                        org.assertj.core.groups.Tuple.tuple(cable.sku(), 2));
        assertThat(items).filteredOn(i -> i.productId().equals(mouse.id())).singleElement()
                .satisfies(i -> {
                    assertThat(i.price()).isEqualByComparingTo("19.99");
                    assertThat(i.lineTotal()).isEqualByComparingTo("59.97");
                    assertThat(i.productName()).isEqualTo(mouse.name());
                });
        assertThat(result.items()).hasSize(2);
        assertThat(tz.products().findById(mouse.id()).orElseThrow().stock()).isEqualTo(7);
        assertThat(tz.products().findById(cable.id()).orElseThrow().stock()).isEqualTo(2);
        List<InventoryLog> ledger = tz.inventoryLogs().listByOrder(result.order().id());
        assertThat(ledger).extracting(InventoryLog::reason).containsOnly(InventoryReason.SALE);
        assertThat(ledger).extracting(InventoryLog::change).containsExactlyInAnyOrder(-3, -2);
        assertThat(ledger).extracting(InventoryLog::stockAfter).containsExactlyInAnyOrder(7, 2);
        assertThat(tz.orderHistory().listByOrder(result.order().id())).singleElement()
                .extracting(OrderStatusChange::fromStatus, OrderStatusChange::toStatus)
                .containsExactly(null, OrderStatus.PENDING);
        assertThat(tz.carts().listForUser(user.id())).isEmpty();
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @Test
    void shouldRoundTaxHalfEven() {
        User user = shop.customer();
        Product item = shop.product("0.50", 10);
        tz.carts().add(user.id(), item.id(), 1);

        // 0.50 * 0.05 = 0.025 -> HALF_EVEN 0.02 (HALF_UP would give 0.03)
        CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(user.id()).withTaxRate(new BigDecimal("0.05")));

        assertThat(result.order().tax()).isEqualByComparingTo("0.02");
        assertThat(result.order().total()).isEqualByComparingTo("0.52");
    }

    @Test
    void shouldRefuseTheWholeOrderListingEveryShortageAndWriteNothing() {
        User user = shop.customer();
        Product plenty = shop.product("10.00", 50);
        Product scarce = shop.product("10.00", 2);
        Product gone = shop.product("10.00", 9);
        tz.products().deactivate(gone.id());
        tz.carts().add(user.id(), plenty.id(), 5);
        tz.carts().add(user.id(), scarce.id(), 3);
        tz.carts().add(user.id(), gone.id(), 1);
        long ordersBefore = shop.count("SELECT count(*) FROM orders");
        long ledgerBefore = shop.count("SELECT count(*) FROM inventory_logs");

        assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(user.id())))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> assertThat(e.shortages())
                        .containsExactlyInAnyOrder(new Shortage(scarce.id(), scarce.sku(), 3, 2),
                                new Shortage(gone.id(), gone.sku(), 1, 0)))
                .hasMessageContaining(scarce.sku() + " requested 3, available 2");

        assertThat(shop.count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
        assertThat(shop.count("SELECT count(*) FROM inventory_logs")).isEqualTo(ledgerBefore);
        assertThat(tz.products().findById(plenty.id()).orElseThrow().stock()).isEqualTo(50);
        assertThat(tz.carts().listForUser(user.id())).hasSize(3);
    }

    @Test
    void shouldReturnTheFirstOrderWhenRetriedWithTheSameIdempotencyKey() {
        User user = shop.customer();
        Product item = shop.product("12.00", 10);
        tz.carts().add(user.id(), item.id(), 2);
        CheckoutRequest request = CheckoutRequest.of(user.id()).withIdempotencyKey("cart-42");

        CheckoutResult first = tz.checkout().checkout(request);
        CheckoutResult again = tz.checkout().checkout(request);

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(again.items()).hasSize(1);
        assertThat(tz.products().findById(item.id()).orElseThrow().stock()).isEqualTo(8);
        // A cart refilled with other lines is another request: IdempotencyConflictTest.
    }

    @Test
    void shouldReplayTheOrderOfASameKeyCheckoutThatCommitsWhileThisOneWaitsForTheCart() throws Exception {
        User user = shop.customer();
        Product item = shop.product("9.00", 10);
        tz.carts().add(user.id(), item.id(), 2);
        CheckoutRequest request = CheckoutRequest.of(user.id()).withIdempotencyKey("tab-7");
        ExecutorService secondTab = Executors.newSingleThreadExecutor();
        try (Handle host = tz.jdbi().open()) {
            host.begin();
            CheckoutResult first = tz.checkout().checkout(host, request);
            int hostBackend = host.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            // The second checkout misses the uncommitted order, then waits for the cart rows the first one locked.
            Future<CheckoutResult> second = secondTab.submit(() -> tz.checkout().checkout(request));
            awaitABackendBlockedBy(hostBackend);
            host.commit();

            CheckoutResult again = second.get(20, TimeUnit.SECONDS);

            assertThat(again.replayed()).isTrue();
            assertThat(again.order().id()).isEqualTo(first.order().id());
            assertThat(again.items()).extracting(OrderItem::quantity).containsExactly(2);
        } finally {
            secondTab.shutdownNow();
        }
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + user.id() + "'")).isEqualTo(1);
        assertThat(tz.products().findById(item.id()).orElseThrow().stock()).isEqualTo(8);
    }

    @Test
    void shouldRefuseAnEmptyCart() {
        User user = shop.customer();

        assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(user.id())))
                .isInstanceOf(EmptyCartException.class);
    }

    @Test
    void shouldRefuseADiscountLargerThanTheOrderAndWriteNothing() {
        User user = shop.customer();
        Product item = shop.product("3.00", 10);
        tz.carts().add(user.id(), item.id(), 1);

        assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(user.id()).withDiscount(new BigDecimal("3.01"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("discount"));
        assertThat(tz.products().findById(item.id()).orElseThrow().stock()).isEqualTo(10);
    }

    @Test
    void shouldRefuseBadRequestValuesBeforeSql() {
        User user = shop.customer();
        CheckoutRequest ok = CheckoutRequest.of(user.id());

        assertThatThrownBy(() -> CheckoutRequest.of(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ok.withCurrency("usd")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ok.withTaxRate(new BigDecimal("-0.1"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ok.withShipping(new BigDecimal("1.001"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ok.withIdempotencyKey("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ok.withShippingAddress("x".repeat(1001))).isInstanceOf(InvalidInputException.class);
    }

    /** Polls (bounded, 20 s) until some backend waits for a lock the backend {@code holder} holds. */
    private void awaitABackendBlockedBy(int holder) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (shop.count("SELECT count(*) FROM pg_stat_activity WHERE " + holder + " = ANY (pg_blocking_pids(pid))") == 0) {
            assertThat(System.nanoTime()).as("a backend waiting for backend " + holder).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
