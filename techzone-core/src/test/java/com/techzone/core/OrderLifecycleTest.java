package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryReason;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.IllegalStatusTransitionException;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.order.OrderStatusChange;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@TechzoneDatabaseTest
class OrderLifecycleTest {

    /** The allowed moves, written out independently of {@link OrderStatus#next()}. */
    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.PENDING, EnumSet.of(OrderStatus.PROCESSING, OrderStatus.ON_HOLD, OrderStatus.CANCELLED),
            OrderStatus.PROCESSING, EnumSet.of(OrderStatus.LAYAWAY, OrderStatus.SHIPPED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED),
            OrderStatus.LAYAWAY, EnumSet.of(OrderStatus.PROCESSING, OrderStatus.CANCELLED),
            OrderStatus.ON_HOLD, EnumSet.of(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.CANCELLED),
            OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED),
            OrderStatus.DELIVERED, EnumSet.of(OrderStatus.REFUNDED),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.REFUNDED, EnumSet.noneOf(OrderStatus.class));

    private final Shop shop;
    private final Techzone tz;

    OrderLifecycleTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    static Stream<Arguments> allowedPairs() {
        List<Arguments> pairs = new ArrayList<>();
        ALLOWED.forEach((from, targets) -> targets.forEach(to -> pairs.add(Arguments.of(from, to))));
        return pairs.stream();
    }

    static Stream<Arguments> refusedPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void shouldCoverAllSixtyFourPairs() {
        assertThat(allowedPairs().count() + refusedPairs().count()).isEqualTo(64);
        assertThat(allowedPairs().count()).isEqualTo(14);
        for (OrderStatus from : OrderStatus.values()) {
            assertThat(from.next()).isEqualTo(ALLOWED.get(from));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowedPairs")
    void shouldMoveAlongEveryAllowedPair(OrderStatus from, OrderStatus to) {
        Placed placed = placeOrderIn(from);
        UUID staff = shop.customer().id();

        Order moved = tz.orderLifecycle().transition(placed.orderId, to, staff, "moved by test");

        assertThat(moved.status()).isEqualTo(to);
        assertThat(tz.orders().findById(placed.orderId).orElseThrow().status()).isEqualTo(to);
        List<OrderStatusChange> history = tz.orderHistory().listByOrder(placed.orderId);
        assertThat(history).hasSize(2);
        assertThat(history.get(1)).extracting(OrderStatusChange::fromStatus, OrderStatusChange::toStatus,
                OrderStatusChange::changedBy, OrderStatusChange::note).containsExactly(from, to, staff, "moved by test");
        int expectedStock = to.returnsStock() ? 10 : 8;
        assertThat(tz.products().findById(placed.productId).orElseThrow().stock()).isEqualTo(expectedStock);
        if (to.returnsStock()) {
            assertThat(tz.inventoryLogs().listByOrder(placed.orderId)).extracting(InventoryLog::reason, InventoryLog::change)
                    .contains(org.assertj.core.groups.Tuple.tuple(
                            to == OrderStatus.CANCELLED ? InventoryReason.CANCELLATION : InventoryReason.REFUND, 2));
        }
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("refusedPairs")
    void shouldRefuseEveryOtherPairAndChangeNothing(OrderStatus from, OrderStatus to) {
        Placed placed = placeOrderIn(from);
        long ledgerRows = tz.inventoryLogs().listByOrder(placed.orderId).size();

        assertThatThrownBy(() -> tz.orderLifecycle().transition(placed.orderId, to, null, null))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                    assertThat(e.orderId()).isEqualTo(placed.orderId);
                });

        assertThat(tz.orders().findById(placed.orderId).orElseThrow().status()).isEqualTo(from);
        assertThat(tz.orderHistory().listByOrder(placed.orderId)).hasSize(1);
        assertThat(tz.products().findById(placed.productId).orElseThrow().stock()).isEqualTo(8);
        assertThat(tz.inventoryLogs().listByOrder(placed.orderId)).hasSize((int) ledgerRows);
    }

    @Test
    void shouldWalkAnOrderThroughDeliveryAndRefundItOnce() {
        Placed placed = placeOrderIn(OrderStatus.PENDING);
        tz.orderLifecycle().transition(placed.orderId, OrderStatus.PROCESSING, null, null);
        tz.orderLifecycle().transition(placed.orderId, OrderStatus.SHIPPED, null, null);
        tz.orderLifecycle().transition(placed.orderId, OrderStatus.DELIVERED, null, null);

        Order refunded = tz.orderLifecycle().refund(placed.orderId, null, "broken on arrival");

        assertThat(refunded.id()).isEqualTo(placed.orderId);
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);

        assertThatThrownBy(() -> tz.orderLifecycle().refund(placed.orderId, null, null))
                .isInstanceOf(IllegalStatusTransitionException.class).hasMessageContaining("REFUNDED is final");
        assertThat(tz.orderHistory().listByOrder(placed.orderId)).extracting(OrderStatusChange::toStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.SHIPPED,
                        OrderStatus.DELIVERED, OrderStatus.REFUNDED);
        assertThat(tz.products().findById(placed.productId).orElseThrow().stock()).isEqualTo(10);
    }

    @Test
    void shouldListTwoMovesOfOneTransactionInTheOrderTheyWereMade() {
        Placed placed = placeOrderIn(OrderStatus.PENDING);
        tz.jdbi().useTransaction(h -> {
            assertThat(tz.orderLifecycle().transition(h, placed.orderId, OrderStatus.PROCESSING, null, null).status())
                    .isEqualTo(OrderStatus.PROCESSING);
            assertThat(tz.orderLifecycle().transition(h, placed.orderId, OrderStatus.SHIPPED, null, null).status())
                    .isEqualTo(OrderStatus.SHIPPED);
            // Both rows share created_at (one transaction); give them ids that sort against their order,
            // as two UUIDv7 of one millisecond may (case 08).
            h.execute("UPDATE " + tz.schema() + ".order_status_history SET id = 'ffffffff-ffff-7fff-bfff-ffffffffffff' "
                    + "WHERE order_id = ? AND to_status = 'processing'", placed.orderId);
            h.execute("UPDATE " + tz.schema() + ".order_status_history SET id = '00000000-0000-7000-8000-000000000001' "
                    + "WHERE order_id = ? AND to_status = 'shipped'", placed.orderId);
        });

        List<OrderStatusChange> history = tz.orderHistory().listByOrder(placed.orderId);
        assertThat(history.get(1).createdAt()).isEqualTo(history.get(2).createdAt());
        assertThat(history).extracting(OrderStatusChange::toStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.SHIPPED);
    }

    @Test
    void shouldReportAnUnknownOrder() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> tz.orderLifecycle().cancel(unknown, null, null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.key()).isEqualTo(unknown));
    }

    @Test
    void shouldRefuseNullsAndOverlongNotesBeforeSql() {
        Placed placed = placeOrderIn(OrderStatus.PENDING);
        assertThatThrownBy(() -> tz.orderLifecycle().transition(placed.orderId, null, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.orderLifecycle().transition(placed.orderId, OrderStatus.PROCESSING, null, "n".repeat(5001)))
                .isInstanceOf(InvalidInputException.class);
        // The same checks when the move joins the host's transaction.
        tz.jdbi().useTransaction(h -> {
            assertThatThrownBy(() -> tz.orderLifecycle().transition(h, null, OrderStatus.PROCESSING, null, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("orderId"));
            assertThatThrownBy(() -> tz.orderLifecycle().transition(h, placed.orderId, OrderStatus.PROCESSING, null, "n".repeat(5001)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("note"));
        });
        assertThat(tz.orders().findById(placed.orderId).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(tz.orderHistory().listByOrder(placed.orderId)).hasSize(1);
    }

    @Test
    void shouldCallExactlyTheStatusesWithoutAWayOutFinal() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.isFinal()).as(status.label()).isEqualTo(ALLOWED.get(status).isEmpty());
        }
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isFinal))
                .containsExactlyInAnyOrder(OrderStatus.CANCELLED, OrderStatus.REFUNDED);
    }

    @Test
    void shouldReadStatusLabelsAndNameTheRefusedOne() {
        assertThat(OrderStatus.fromLabel("on_hold")).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(OrderStatus.ON_HOLD.label()).isEqualTo("on_hold");
        assertThat(OrderStatus.fromLabel("pending")).isEqualTo(OrderStatus.PENDING);
        assertThatThrownBy(() -> OrderStatus.fromLabel("ON_HOLD"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("status"))
                .hasMessageContaining("was 'ON_HOLD'")
                .hasMessageContaining("pending, processing, layaway, shipped, delivered, cancelled, refunded, on_hold");
        assertThatThrownBy(() -> OrderStatus.fromLabel(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("was null");
    }

    /** An order of 2 units of a product that had 10, placed by checkout, then put in {@code status} directly. */
    private Placed placeOrderIn(OrderStatus status) {
        User user = shop.customer();
        Product product = shop.product("10.00", 10);
        tz.carts().add(user.id(), product.id(), 2);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(user.id())).order().id();
        if (status != OrderStatus.PENDING) {
            shop.useTables(h -> h.createUpdate("UPDATE orders SET status = :s::order_status WHERE id = :id")
                    .bind("s", status).bind("id", orderId).execute());
        }
        return new Placed(orderId, product.id());
    }

    private record Placed(UUID orderId, UUID productId) {
    }
}
