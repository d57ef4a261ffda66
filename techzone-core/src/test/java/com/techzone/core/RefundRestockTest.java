package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryReason;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.IllegalStatusTransitionException;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.order.OrderStatusChange;
import com.techzone.core.order.Restock;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issue 15, item 6: whether a refund restocks is the caller's choice, and the record says which. */
@TechzoneDatabaseTest
class RefundRestockTest {

    private final Shop shop;
    private final Techzone tz;

    RefundRestockTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldRefundALostParcelWithoutPuttingItsUnitsBackOnTheShelf() {
        Product product = shop.product("8.00", 10);
        UUID orderId = deliveredOrder(product, 3);
        UUID staff = shop.customer().id();

        tz.orderLifecycle().refund(orderId, staff, "parcel lost by the carrier", Restock.NO_RESTOCK);

        assertThat(tz.orders().findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(tz.products().findById(product.id()).orElseThrow().stock()).isEqualTo(7);
        assertThat(tz.inventoryLogs().listByOrder(orderId)).extracting(InventoryLog::reason)
                .containsExactly(InventoryReason.SALE);
        assertThat(tz.orderHistory().listByOrder(orderId)).last().satisfies(change -> {
            assertThat(change.toStatus()).isEqualTo(OrderStatus.REFUNDED);
            assertThat(change.restocked()).isFalse();
            assertThat(change.changedBy()).isEqualTo(staff);
            assertThat(change.note()).isEqualTo("parcel lost by the carrier");
        });
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @Test
    void shouldRestockOnRefundByDefaultAndRecordIt() {
        Product product = shop.product("8.00", 10);
        UUID orderId = deliveredOrder(product, 3);

        tz.orderLifecycle().refund(orderId, null, "returned unopened");

        assertThat(tz.products().findById(product.id()).orElseThrow().stock()).isEqualTo(10);
        assertThat(tz.inventoryLogs().listByOrder(orderId)).extracting(InventoryLog::reason, InventoryLog::change)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(InventoryReason.SALE, -3),
                        org.assertj.core.groups.Tuple.tuple(InventoryReason.REFUND, 3));
        assertThat(tz.orderHistory().listByOrder(orderId)).extracting(OrderStatusChange::toStatus, OrderStatusChange::restocked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OrderStatus.PENDING, null),
                        org.assertj.core.groups.Tuple.tuple(OrderStatus.PROCESSING, null),
                        org.assertj.core.groups.Tuple.tuple(OrderStatus.SHIPPED, null),
                        org.assertj.core.groups.Tuple.tuple(OrderStatus.DELIVERED, null),
                        org.assertj.core.groups.Tuple.tuple(OrderStatus.REFUNDED, true));
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @Test
    void shouldRecordThatACancellationRestocked() {
        Product product = shop.product("8.00", 10);
        User user = shop.customer();
        tz.carts().add(user.id(), product.id(), 2);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(user.id())).order().id();

        tz.orderLifecycle().cancel(orderId, null, null);

        assertThat(tz.orderHistory().listByOrder(orderId)).last().satisfies(change -> assertThat(change.restocked()).isTrue());
        assertThat(tz.products().findById(product.id()).orElseThrow().stock()).isEqualTo(10);
    }

    @Test
    void shouldRefuseARefundWithoutRestockOfAnUndeliveredOrderAndChangeNothing() {
        Product product = shop.product("8.00", 10);
        User user = shop.customer();
        tz.carts().add(user.id(), product.id(), 2);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(user.id())).order().id();

        assertThatThrownBy(() -> tz.orderLifecycle().refund(orderId, null, null, Restock.NO_RESTOCK))
                .isInstanceOf(IllegalStatusTransitionException.class);
        assertThatThrownBy(() -> tz.orderLifecycle().refund(orderId, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("restock");
        assertThat(tz.orderHistory().listByOrder(orderId)).hasSize(1);
    }

    private UUID deliveredOrder(Product product, int quantity) {
        User user = shop.customer();
        tz.carts().add(user.id(), product.id(), quantity);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(user.id())).order().id();
        for (OrderStatus next : new OrderStatus[] {OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED}) {
            tz.orderLifecycle().transition(orderId, next, null, null);
        }
        return orderId;
    }
}
