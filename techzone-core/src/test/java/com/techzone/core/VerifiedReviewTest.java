package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.PurchaseRequirement;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.Review;
import com.techzone.core.review.UnverifiedPurchaseException;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issue 15, item 7: reviews are marked verified purchases or not, summarised both ways, and may be required. */
@TechzoneDatabaseTest
class VerifiedReviewTest {

    private final Shop shop;
    private final Techzone tz;

    VerifiedReviewTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldMarkOnlyBuyersWithADeliveredOrderAsVerifiedAndSummariseThemApart() {
        Product product = shop.product("30.00", 20);
        User buyer = shop.customer();
        order(buyer, product, OrderStatus.DELIVERED);
        User cancelled = shop.customer();
        order(cancelled, product, OrderStatus.CANCELLED);
        User shipped = shop.customer();
        order(shipped, product, OrderStatus.SHIPPED);
        User stranger = shop.customer();

        Review verified = approve(tz.reviews().create(NewReview.ofProduct(buyer.id(), product.id(), 5, "Great", null)));
        Review fromCancelled = approve(tz.reviews().create(NewReview.ofProduct(cancelled.id(), product.id(), 1, null, null)));
        Review fromShipped = approve(tz.reviews().create(NewReview.ofProduct(shipped.id(), product.id(), 2, null, null)));
        Review fromStranger = approve(tz.reviews().create(NewReview.ofProduct(stranger.id(), product.id(), 1, null, null)));

        assertThat(verified.verifiedPurchase()).isTrue();
        assertThat(fromCancelled.verifiedPurchase()).isFalse();
        assertThat(fromShipped.verifiedPurchase()).isFalse();
        assertThat(fromStranger.verifiedPurchase()).isFalse();
        assertThat(tz.reviews().findById(verified.id()).orElseThrow().verifiedPurchase()).isTrue();
        assertThat(tz.reviews().ratingSummaryForProduct(product.id()))
                .isEqualTo(new RatingSummary(4, new BigDecimal("2.25"), 1, new BigDecimal("5.00")));
    }

    @Test
    void shouldRefuseAnUnverifiedReviewWhenTheHostRequiresAPurchaseNamingUserAndProduct() {
        Product product = shop.product("30.00", 20);
        User cancelled = shop.customer();
        order(cancelled, product, OrderStatus.CANCELLED);
        User buyer = shop.customer();
        order(buyer, product, OrderStatus.DELIVERED);

        assertThatThrownBy(() -> tz.reviews().create(NewReview.ofProduct(cancelled.id(), product.id(), 1, "Bad", null),
                PurchaseRequirement.VERIFIED_PURCHASE))
                .isInstanceOfSatisfying(UnverifiedPurchaseException.class, e -> {
                    assertThat(e.userId()).isEqualTo(cancelled.id());
                    assertThat(e.productId()).isEqualTo(product.id());
                    assertThat(e).hasMessageContaining(cancelled.id().toString()).hasMessageContaining(product.id().toString());
                });
        assertThat(shop.count("SELECT count(*) FROM reviews WHERE product_id = '" + product.id() + "'")).isZero();

        Review review = tz.reviews().create(NewReview.ofProduct(buyer.id(), product.id(), 4, null, null),
                PurchaseRequirement.VERIFIED_PURCHASE);
        assertThat(review.verifiedPurchase()).isTrue();
    }

    @Test
    void shouldVerifyServiceReviewsByACompletedBooking() {
        Service service = shop.service();
        User customer = shop.customer();
        User guest = shop.customer();
        Instant start = Instant.parse("2032-05-01T10:00:00Z");
        UUID booking = tz.bookings().book(new NewBooking(service.id(), customer.id(), "C", "c@shop.test", start,
                start.plusSeconds(3600), null)).id();
        tz.bookings().confirm(booking);
        tz.bookings().book(new NewBooking(service.id(), guest.id(), "G", "g@shop.test", start.plusSeconds(7200),
                start.plusSeconds(10800), null));

        assertThatThrownBy(() -> tz.reviews().create(NewReview.ofService(customer.id(), service.id(), 5, null, null),
                PurchaseRequirement.VERIFIED_PURCHASE))
                .isInstanceOfSatisfying(UnverifiedPurchaseException.class, e -> assertThat(e.serviceId()).isEqualTo(service.id()));
        tz.bookings().complete(booking);

        assertThat(tz.reviews().create(NewReview.ofService(customer.id(), service.id(), 5, null, null),
                PurchaseRequirement.VERIFIED_PURCHASE).verifiedPurchase()).isTrue();
        assertThat(tz.reviews().create(NewReview.ofService(guest.id(), service.id(), 3, null, null)).verifiedPurchase()).isFalse();
    }

    private Review approve(Review review) {
        return tz.reviews().approve(review.id()).orElseThrow();
    }

    private void order(User user, Product product, OrderStatus status) {
        tz.carts().add(user.id(), product.id(), 1);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(user.id())).order().id();
        OrderStatus[] path = switch (status) {
            case CANCELLED -> new OrderStatus[] {OrderStatus.CANCELLED};
            case SHIPPED -> new OrderStatus[] {OrderStatus.PROCESSING, OrderStatus.SHIPPED};
            case DELIVERED -> new OrderStatus[] {OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED};
            default -> throw new IllegalArgumentException(status.toString());
        };
        for (OrderStatus next : path) {
            tz.orderLifecycle().transition(orderId, next, null, null);
        }
    }
}
