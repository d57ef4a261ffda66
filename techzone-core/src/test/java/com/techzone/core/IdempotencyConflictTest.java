package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.IdempotencyKeyConflictException;
import com.techzone.core.order.Order;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issue 15, item 1: an idempotency key reused for a different request is a conflict, not a replay. */
@TechzoneDatabaseTest
class IdempotencyConflictTest {

    private final Shop shop;
    private final Techzone tz;

    IdempotencyConflictTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldRefuseTheSameKeyWithOtherLinesAndAnotherAddressNamingTheKey() {
        User user = shop.customer();
        Product p1 = shop.product("10.00", 10);
        Product p2 = shop.product("4.00", 10);
        tz.carts().add(user.id(), p1.id(), 1);
        CheckoutResult first = tz.checkout().checkout(CheckoutRequest.of(user.id())
                .withIdempotencyKey("checkout-form-42").withShippingAddress("1 First Street"));
        tz.carts().add(user.id(), p2.id(), 3);

        assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(user.id())
                .withIdempotencyKey("checkout-form-42").withShippingAddress("2 Second Street")))
                .isInstanceOfSatisfying(IdempotencyKeyConflictException.class, e -> {
                    assertThat(e.idempotencyKey()).isEqualTo("checkout-form-42");
                    assertThat(e.orderId()).isEqualTo(first.order().id());
                    assertThat(e.userId()).isEqualTo(user.id());
                    assertThat(e).hasMessageContaining("'checkout-form-42'");
                });
        assertThat(tz.carts().listForUser(user.id())).singleElement()
                .satisfies(line -> assertThat(line.productId()).isEqualTo(p2.id()));
        assertThat(tz.products().findById(p2.id()).orElseThrow().stock()).isEqualTo(10);
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + user.id() + "'")).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWhenOnlyTheCartLinesDiffer() {
        User user = shop.customer();
        Product p1 = shop.product("10.00", 10);
        tz.carts().add(user.id(), p1.id(), 2);
        CheckoutRequest request = CheckoutRequest.of(user.id()).withIdempotencyKey("lines-1");
        tz.checkout().checkout(request);
        tz.carts().add(user.id(), p1.id(), 1);

        assertThatThrownBy(() -> tz.checkout().checkout(request)).isInstanceOf(IdempotencyKeyConflictException.class);
        assertThat(tz.products().findById(p1.id()).orElseThrow().stock()).isEqualTo(8);
    }

    @Test
    void shouldRefuseTheSameKeyWithOtherAmountsAddressOrCurrency() {
        assertConflict(r -> r.withShippingAddress("Elsewhere 9"));
        assertConflict(r -> r.withShippingAddress(null));
        assertConflict(r -> r.withCurrency("EUR"));
        assertConflict(r -> r.withTaxRate(new BigDecimal("0.20")));
        assertConflict(r -> r.withShipping(new BigDecimal("5.00")));
        assertConflict(r -> r.withDiscount(new BigDecimal("1.00")));
    }

    @Test
    void shouldReplayTheSameRequestAlsoWithAmountsWrittenAtAnotherScale() {
        User user = shop.customer();
        Product p1 = shop.product("10.00", 10);
        tz.carts().add(user.id(), p1.id(), 2);
        CheckoutRequest request = CheckoutRequest.of(user.id()).withIdempotencyKey("same-1")
                .withShippingAddress("1 First Street").withTaxRate(new BigDecimal("0.08")).withShipping(new BigDecimal("5"));
        CheckoutResult first = tz.checkout().checkout(request);

        CheckoutResult retried = tz.checkout().checkout(request.withTaxRate(new BigDecimal("0.080"))
                .withShipping(new BigDecimal("5.00")));
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.order()).isEqualTo(first.order());
        assertThat(retried.items()).isEqualTo(first.items());

        // The same lines put back into the cart: still the same request.
        tz.carts().add(user.id(), p1.id(), 2);
        assertThat(tz.checkout().checkout(request).order().id()).isEqualTo(first.order().id());
        assertThat(tz.products().findById(p1.id()).orElseThrow().stock()).isEqualTo(8);
    }

    @Test
    void shouldReplayAnOrderPlacedBeforeFingerprintsWereStored() {
        User user = shop.customer();
        Product p1 = shop.product("10.00", 10);
        tz.carts().add(user.id(), p1.id(), 1);
        CheckoutResult first = tz.checkout().checkout(CheckoutRequest.of(user.id()).withIdempotencyKey("legacy-1"));
        tz.jdbi().useHandle(h -> h.execute("UPDATE orders SET idempotency_fingerprint = NULL WHERE id = ?", first.order().id()));

        assertThat(tz.checkout().checkout(CheckoutRequest.of(user.id()).withIdempotencyKey("legacy-1")
                .withShippingAddress("anything")).order().id()).isEqualTo(first.order().id());
    }

    @Test
    void shouldPlaceOneOrderWhenTwoDifferentRequestsRaceForOneKeyAndRefuseTheOther() throws Exception {
        User user = shop.customer();
        Product p1 = shop.product("10.00", 50);
        tz.carts().add(user.id(), p1.id(), 2);
        CheckoutRequest base = CheckoutRequest.of(user.id()).withIdempotencyKey("race-1");
        int threads = 6;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CheckoutResult>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            CheckoutRequest request = base.withShippingAddress(i % 2 == 0 ? "Even Street 2" : "Odd Street 1");
            futures.add(executor.submit(() -> {
                start.await();
                return tz.checkout().checkout(request);
            }));
        }
        start.countDown();
        executor.shutdown();
        assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Order order = tz.orders().findByIdempotencyKey(user.id(), "race-1").orElseThrow();
        for (int i = 0; i < threads; i++) {
            String address = i % 2 == 0 ? "Even Street 2" : "Odd Street 1";
            Future<CheckoutResult> future = futures.get(i);
            if (address.equals(order.shippingAddress())) {
                assertThat(future.get().order().id()).as("the winner's request, repeated").isEqualTo(order.id());
            } else {
                assertThatThrownBy(future::get).hasCauseInstanceOf(IdempotencyKeyConflictException.class);
            }
        }
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + user.id() + "'")).isEqualTo(1);
        assertThat(tz.products().findById(p1.id()).orElseThrow().stock()).isEqualTo(48);
    }

    private void assertConflict(UnaryOperator<CheckoutRequest> change) {
        User user = shop.customer();
        Product p1 = shop.product("10.00", 10);
        tz.carts().add(user.id(), p1.id(), 1);
        CheckoutRequest request = CheckoutRequest.of(user.id()).withIdempotencyKey("amounts-1")
                .withShippingAddress("1 First Street");
        tz.checkout().checkout(request);

        assertThatThrownBy(() -> tz.checkout().checkout(change.apply(request)))
                .isInstanceOf(IdempotencyKeyConflictException.class);
        assertThat(tz.checkout().checkout(request).replayed()).isTrue();
    }
}
