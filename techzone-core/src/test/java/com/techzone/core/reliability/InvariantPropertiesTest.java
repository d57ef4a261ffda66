package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.IllegalStatusTransitionException;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.user.User;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated sequences of stock changes, checkouts, status moves, cancellations and refunds against
 * the real database. After every step: the invariants hold ({@link Invariants}) and each product's
 * stock equals a model that counts what succeeded. Bounded: 25 sequences of at most 12 steps,
 * each generated from a fixed seed (shown in the test name), so a failure is reproduced by its seed.
 */
class InvariantPropertiesTest {

    private static final int PRODUCTS = 3;

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static Shop shop;
    private static Techzone tz;

    /** One generated step. {@code target} picks a product or an order of the sequence; {@code amount} is its size. */
    record Step(Kind kind, int target, int amount) {
    }

    enum Kind { RESTOCK, ADJUST, CHECKOUT, ADVANCE, CANCEL, REFUND }

    @BeforeAll
    static void startDatabase() {
        database = TestPostgres.get().createMigratedDatabase();
        pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "property-test");
        pool.setMaximumPoolSize(2);
        shop = Shop.on(pool);
        tz = shop.techzone();
    }

    @AfterAll
    static void dropDatabase() {
        pool.close();
        database.close();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 25).mapToObj(i -> 20240601L + i);
    }

    /** A sequence of 1 to 12 steps: any kind, a target 0..5 and an amount -6..6. */
    static List<Step> sequence(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            steps.add(new Step(Kind.values()[random.nextInt(Kind.values().length)], random.nextInt(6), random.nextInt(13) - 6));
        }
        return steps;
    }

    @ParameterizedTest(name = "generated sequence, seed {0}")
    @MethodSource("seeds")
    void shouldKeepEveryInvariantAfterEveryStep(long seed) {
        List<Step> steps = sequence(seed);
        List<Product> products = new ArrayList<>();
        int[] stock = new int[PRODUCTS];
        for (int i = 0; i < PRODUCTS; i++) {
            stock[i] = 1 + i * 3;
            products.add(shop.product("1" + i + ".99", stock[i]));
        }
        User customer = shop.customer();
        List<Order> orders = new ArrayList<>();

        for (Step step : steps) {
            int p = step.target() % PRODUCTS;
            switch (step.kind()) {
                case RESTOCK -> {
                    int units = Math.abs(step.amount()) + 1;
                    tz.inventory().restock(products.get(p).id(), units, null);
                    stock[p] += units;
                }
                case ADJUST -> {
                    int change = step.amount() == 0 ? 1 : step.amount();
                    try {
                        tz.inventory().adjust(products.get(p).id(), change, "generated", null);
                        stock[p] += change;
                    } catch (InsufficientStockException e) {
                        assertThat(stock[p] + change).as("refused only when it would go negative").isNegative();
                    }
                }
                case CHECKOUT -> {
                    int units = Math.abs(step.amount()) + 1;
                    tz.carts().setQuantity(customer.id(), products.get(p).id(), units);
                    tz.carts().setQuantity(customer.id(), products.get((p + 1) % PRODUCTS).id(), 1);
                    try {
                        Order order = tz.checkout().checkout(CheckoutRequest.of(customer.id())
                                .withTaxRate(new BigDecimal("0.19")).withShipping(new BigDecimal("4.95"))).order();
                        orders.add(order);
                        for (OrderItem item : tz.orderItems().listByOrder(order.id())) {
                            stock[indexOf(products, item)] -= item.quantity();
                        }
                    } catch (InsufficientStockException e) {
                        assertThat(e.shortages()).isNotEmpty().allSatisfy(s -> assertThat(s.requested()).isGreaterThan(s.available()));
                        tz.carts().clear(customer.id());
                    }
                }
                case ADVANCE, CANCEL, REFUND -> {
                    if (orders.isEmpty()) {
                        continue;
                    }
                    Order order = orders.get(step.target() % orders.size());
                    OrderStatus from = tz.orders().findById(order.id()).orElseThrow().status();
                    OrderStatus to = switch (step.kind()) {
                        case CANCEL -> OrderStatus.CANCELLED;
                        case REFUND -> OrderStatus.REFUNDED;
                        default -> from.next().stream().filter(s -> !s.returnsStock()).findFirst().orElse(OrderStatus.PENDING);
                    };
                    try {
                        tz.orderLifecycle().transition(order.id(), to, null, "generated");
                        assertThat(from.canMoveTo(to)).isTrue();
                        if (to.returnsStock()) {
                            for (OrderItem item : tz.orderItems().listByOrder(order.id())) {
                                stock[indexOf(products, item)] += item.quantity();
                            }
                        }
                    } catch (IllegalStatusTransitionException e) {
                        assertThat(from.canMoveTo(to)).as(from + " -> " + to).isFalse();
                    }
                }
                default -> throw new IllegalStateException(step.kind().name());
            }
            assertThat(Invariants.violations(tz.jdbi())).as("after " + step).isEmpty();
            for (int i = 0; i < PRODUCTS; i++) {
                assertThat(tz.products().findById(products.get(i).id()).orElseThrow().stock()).as("stock of product " + i + " after " + step)
                        .isEqualTo(stock[i]).isNotNegative();
            }
        }
    }

    private static int indexOf(List<Product> products, OrderItem item) {
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).id().equals(item.productId())) {
                return i;
            }
        }
        throw new IllegalStateException("order line of an unknown product " + item.productId());
    }
}
