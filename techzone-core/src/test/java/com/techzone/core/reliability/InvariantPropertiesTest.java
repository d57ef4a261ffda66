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
 * stock and each order's status equal a model that counts what succeeded. The model is built from
 * what the test asked for (cart lines, the status it moved an order to), never read back from the
 * database. Bounded: 40 sequences of at most 16 steps, each generated from a fixed seed (shown in
 * the test name), so a failure is reproduced by its seed. After all seeds, every kind of outcome
 * (refusals, cancellations, refunds) must have happened at least once.
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

    /** An order as the model knows it: units per product index, and the status it was moved to. */
    private static final class ModelOrder {
        final Order order;
        final int[] units = new int[PRODUCTS];
        OrderStatus status = OrderStatus.PENDING;

        ModelOrder(Order order) {
            this.order = order;
        }
    }

    private static final java.util.Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startDatabase() {
        database = TestPostgres.get().createMigratedDatabase();
        pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "property-test");
        pool.setMaximumPoolSize(2);
        shop = Shop.on(pool);
        tz = shop.techzone();
    }

    @AfterAll
    static void dropDatabaseAndCheckTheOutcomesWereExercised() {
        pool.close();
        database.close();
        assertThat(OUTCOMES).as("outcomes exercised across the seeds").containsKeys(
                "adjust refused", "checkout refused", "transition refused", "checkout", "cancelled", "refunded");
    }

    private static void happened(String outcome) {
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).mapToObj(i -> 20240601L + i);
    }

    /**
     * A sequence of 1 to 16 steps: any kind (forward status moves three times, checkouts,
     * cancellations and refunds twice as likely as stock changes, so that orders are placed, reach
     * delivery and get cancelled or refunded), a target 0..5 and an amount -6..6.
     */
    static List<Step> sequence(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        Kind[] weighted = {Kind.RESTOCK, Kind.ADJUST, Kind.CHECKOUT, Kind.CHECKOUT, Kind.ADVANCE, Kind.ADVANCE, Kind.ADVANCE,
            Kind.CANCEL, Kind.CANCEL, Kind.REFUND, Kind.REFUND};
        for (int i = 1 + random.nextInt(16); i > 0; i--) {
            steps.add(new Step(weighted[random.nextInt(weighted.length)], random.nextInt(6), random.nextInt(13) - 6));
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
        List<ModelOrder> orders = new ArrayList<>();

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
                        assertThat(stock[p] + change).as("accepted only when it stays non-negative").isNotNegative();
                        stock[p] += change;
                    } catch (InsufficientStockException e) {
                        assertThat(stock[p] + change).as("refused only when it would go negative").isNegative();
                        happened("adjust refused");
                    }
                }
                case CHECKOUT -> {
                    int units = Math.abs(step.amount()) + 1;
                    int next = (p + 1) % PRODUCTS;
                    tz.carts().setQuantity(customer.id(), products.get(p).id(), units);
                    tz.carts().setQuantity(customer.id(), products.get(next).id(), 1);
                    boolean enough = stock[p] >= units && stock[next] >= 1;
                    try {
                        ModelOrder placed = new ModelOrder(tz.checkout().checkout(CheckoutRequest.of(customer.id())
                                .withTaxRate(new BigDecimal("0.19")).withShipping(new BigDecimal("4.95"))).order());
                        assertThat(enough).as("placed only when the model has the stock").isTrue();
                        placed.units[p] = units;
                        placed.units[next] = 1;
                        orders.add(placed);
                        stock[p] -= units;
                        stock[next] -= 1;
                        assertThat(tz.orderItems().listByOrder(placed.order.id()))
                                .extracting(item -> indexOf(products, item), OrderItem::quantity)
                                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(p, units),
                                        org.assertj.core.groups.Tuple.tuple(next, 1));
                        happened("checkout");
                    } catch (InsufficientStockException e) {
                        assertThat(enough).as("refused only when the model lacks stock").isFalse();
                        assertThat(e.shortages()).isNotEmpty().allSatisfy(s -> assertThat(s.requested()).isGreaterThan(s.available()));
                        tz.carts().clear(customer.id());
                        happened("checkout refused");
                    }
                }
                case ADVANCE, CANCEL, REFUND -> {
                    if (orders.isEmpty()) {
                        continue;
                    }
                    ModelOrder order = orders.get(step.target() % orders.size());
                    switch (step.kind()) {
                        case CANCEL -> move(order, OrderStatus.CANCELLED, stock);
                        case REFUND -> move(order, OrderStatus.REFUNDED, stock);
                        default -> {
                            // one or two forward moves, so that orders reach delivery within a sequence
                            for (int moves = 1 + Math.abs(step.amount()) % 2; moves > 0; moves--) {
                                move(order, forward(order.status), stock);
                            }
                        }
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

    /** Moves the order to {@code to} and the model with it, where the model's rules allow it. */
    private static void move(ModelOrder order, OrderStatus to, int[] stock) {
        OrderStatus from = order.status;
        boolean allowed = allowedByTheModel(from, to);
        try {
            tz.orderLifecycle().transition(order.order.id(), to, null, "generated");
            assertThat(allowed).as(from + " -> " + to + " accepted").isTrue();
            order.status = to;
            if (to == OrderStatus.CANCELLED || to == OrderStatus.REFUNDED) {
                for (int i = 0; i < PRODUCTS; i++) {
                    stock[i] += order.units[i];
                }
                happened(to == OrderStatus.CANCELLED ? "cancelled" : "refunded");
            }
        } catch (IllegalStatusTransitionException e) {
            assertThat(allowed).as(from + " -> " + to + " refused").isFalse();
            happened("transition refused");
        }
        assertThat(tz.orders().findById(order.order.id()).orElseThrow().status()).isEqualTo(order.status);
    }

    /** The forward move the model makes: pending, processing, shipped, delivered; from anything else back to pending (refused). */
    private static OrderStatus forward(OrderStatus from) {
        return switch (from) {
            case PENDING -> OrderStatus.PROCESSING;
            case PROCESSING -> OrderStatus.SHIPPED;
            case SHIPPED -> OrderStatus.DELIVERED;
            default -> OrderStatus.PENDING;
        };
    }

    /**
     * The order rules for the moves this test makes, written here independently of
     * {@link OrderStatus}: cancel before shipping, refund once delivered, forward one step.
     */
    private static boolean allowedByTheModel(OrderStatus from, OrderStatus to) {
        return switch (to) {
            case CANCELLED -> from == OrderStatus.PENDING || from == OrderStatus.PROCESSING
                    || from == OrderStatus.LAYAWAY || from == OrderStatus.ON_HOLD;
            case REFUNDED -> from == OrderStatus.DELIVERED;
            default -> to == forward(from)
                    && (from == OrderStatus.PENDING || from == OrderStatus.PROCESSING || from == OrderStatus.SHIPPED);
        };
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
