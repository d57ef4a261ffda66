package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.booking.Booking;
import com.techzone.core.booking.BookingConflictException;
import com.techzone.core.booking.BookingStatus;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.contact.ContactMessage;
import com.techzone.core.contact.ContactStatus;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.Review;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class ReviewBookingContactTest {

    private static final Instant MONDAY_10 = Instant.parse("2031-03-03T10:00:00Z");

    private final Shop shop;
    private final Techzone tz;

    ReviewBookingContactTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    /** A raw insert that skips the Java checks, to prove the database and the translation refuse bad ratings too. */
    public interface RawReviewDao {
        @SqlUpdate("INSERT INTO <schema>.reviews (user_id, product_id, rating) VALUES (:userId, :productId, :rating)")
        void insert(UUID userId, UUID productId, int rating);
    }

    @Test
    void shouldKeepReviewsUnapprovedUntilModeratedAndSummariseOnlyApprovedOnes() {
        Product p = shop.product("1.00", 1);
        Review five = tz.reviews().create(NewReview.ofProduct(shop.customer().id(), p.id(), 5, "Great", "Works"));
        Review two = tz.reviews().create(NewReview.ofProduct(shop.customer().id(), p.id(), 2, null, null));
        Review pending = tz.reviews().create(NewReview.ofProduct(shop.customer().id(), p.id(), 1, null, null));

        assertThat(tz.reviews().ratingSummaryForProduct(p.id())).isEqualTo(new RatingSummary(0, null, 0, null));
        assertThat(tz.reviews().listAwaitingModeration(null, 500).items()).extracting(Review::id)
                .contains(five.id(), two.id(), pending.id());
        Instant beforeApproval = shop.databaseClock();
        Review approved = tz.reviews().approve(five.id()).orElseThrow();
        Instant afterApproval = shop.databaseClock();
        tz.reviews().approve(two.id());

        assertThat(approved.approved()).isTrue();
        assertThat(approved.approvedAt()).isBetween(beforeApproval, afterApproval);
        assertThat(tz.reviews().approve(five.id())).isEmpty();
        RatingSummary summary = tz.reviews().ratingSummaryForProduct(p.id());
        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.average()).isEqualByComparingTo("3.50");
        assertThat(tz.reviews().listApprovedForProduct(p.id(), null, 10).items()).extracting(Review::id)
                .containsExactly(two.id(), five.id());
        assertThat(tz.reviews().reject(pending.id())).isTrue();
        assertThat(tz.reviews().findById(pending.id())).isEmpty();
    }

    @Test
    void shouldAllowOneReviewPerUserPerItem() {
        Product p = shop.product("1.00", 1);
        User user = shop.customer();
        tz.reviews().create(NewReview.ofProduct(user.id(), p.id(), 4, null, null));

        assertThatThrownBy(() -> tz.reviews().create(NewReview.ofProduct(user.id(), p.id(), 3, null, null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).contains("uq_reviews_product_user"));
    }

    @Test
    void shouldRefuseRatingsZeroAndSixBeforeSqlAndInTheDatabase() {
        Product p = shop.product("1.00", 1);
        User user = shop.customer();

        assertThatThrownBy(() -> NewReview.ofProduct(user.id(), p.id(), 0, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewReview.ofProduct(user.id(), p.id(), 6, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewReview(user.id(), p.id(), UUID.randomUUID(), 3, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.dao(RawReviewDao.class).insert(user.id(), p.id(), 6))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.constraint()).contains("chk_reviews_rating_range");
                    assertThat(e.sqlState()).contains("23514");
                });
        assertThat(shop.count("SELECT count(*) FROM reviews WHERE user_id = '" + user.id() + "'")).isZero();
    }

    @Test
    void shouldSummariseAndListServiceReviews() {
        Service s = shop.service();
        Review r = tz.reviews().create(NewReview.ofService(shop.customer().id(), s.id(), 4, "Fast", null));
        tz.reviews().approve(r.id());

        assertThat(tz.reviews().ratingSummaryForService(s.id()).average()).isEqualByComparingTo("4.00");
        assertThat(tz.reviews().listApprovedForService(s.id(), null, 10).items()).extracting(Review::id).containsExactly(r.id());
    }

    @Test
    void shouldBookRefuseAnOverlapAndFreeTheSlotOnCancel() {
        Service s = shop.service();
        User user = shop.customer();
        Booking first = tz.bookings().book(new NewBooking(s.id(), user.id(), "Ann", "ann@mail.test", MONDAY_10,
                MONDAY_10.plus(1, ChronoUnit.HOURS), "Ring twice"));
        NewBooking overlapping = NewBooking.guest(s.id(), "Guest", "guest@mail.test", MONDAY_10.plus(30, ChronoUnit.MINUTES),
                MONDAY_10.plus(60, ChronoUnit.MINUTES));

        assertThatThrownBy(() -> tz.bookings().book(overlapping))
                .isInstanceOfSatisfying(BookingConflictException.class, e -> {
                    assertThat(e.sqlState()).contains("23P01");
                    assertThat(e.constraint()).contains("ex_bookings_no_overlap");
                    assertThat(e.startsAt()).isEqualTo(overlapping.startsAt());
                });
        Booking adjacent = tz.bookings().book(NewBooking.guest(s.id(), "Next", "next@mail.test",
                MONDAY_10.plus(1, ChronoUnit.HOURS), MONDAY_10.plus(2, ChronoUnit.HOURS)));
        assertThat(adjacent.userId()).isNull();

        assertThat(tz.bookings().cancel(first.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        Booking guest = tz.bookings().book(overlapping);
        assertThat(guest.contactEmail()).isEqualTo("guest@mail.test");
        assertThat(tz.bookings().cancel(first.id())).isEmpty();
    }

    @Test
    void shouldMoveBookingsThroughConfirmCompleteAndNoShow() {
        Service s = shop.service();
        Booking a = tz.bookings().book(NewBooking.guest(s.id(), "A", "a@mail.test", MONDAY_10.plus(5, ChronoUnit.DAYS),
                MONDAY_10.plus(5, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)));
        Booking b = tz.bookings().book(NewBooking.guest(s.id(), "B", "b@mail.test", MONDAY_10.plus(6, ChronoUnit.DAYS),
                MONDAY_10.plus(6, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)));

        assertThat(tz.bookings().complete(a.id())).isEmpty();
        assertThat(tz.bookings().confirm(a.id()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(tz.bookings().complete(a.id()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
        tz.bookings().confirm(b.id());
        assertThat(tz.bookings().markNoShow(b.id()).orElseThrow().status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(tz.bookings().findById(a.id()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
    }

    @Test
    void shouldListAServicesBookingsInAWindowAndAUsersBookings() {
        Service s = shop.service();
        User user = shop.customer();
        for (int day = 0; day < 5; day++) {
            Instant start = MONDAY_10.plus(20 + day, ChronoUnit.DAYS);
            tz.bookings().book(new NewBooking(s.id(), user.id(), "U", "u@mail.test", start, start.plus(1, ChronoUnit.HOURS), null));
        }
        Instant from = MONDAY_10.plus(21, ChronoUnit.DAYS);
        Instant to = MONDAY_10.plus(24, ChronoUnit.DAYS);

        Page<Booking> first = tz.bookings().listForService(s.id(), from, to, null, 2);
        Page<Booking> second = tz.bookings().listForService(s.id(), from, to, first.nextCursor(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(tz.bookings().listForUser(user.id(), null, 10).items()).extracting(Booking::startsAt).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThatThrownBy(() -> tz.bookings().listForService(s.id(), to, from, null, 2)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldRefuseBadBookingsBeforeSql() {
        UUID service = UUID.randomUUID();
        assertThatThrownBy(() -> NewBooking.guest(service, "G", "g@mail.test", MONDAY_10, MONDAY_10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewBooking.guest(service, "G", "g@mail.test", MONDAY_10, MONDAY_10.minusSeconds(60)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewBooking.guest(service, "", "g@mail.test", MONDAY_10, MONDAY_10.plusSeconds(60)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewBooking.guest(service, "G", "no-at", MONDAY_10, MONDAY_10.plusSeconds(60)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.bookings().book(NewBooking.guest(service, "G", "g@mail.test", MONDAY_10, MONDAY_10.plusSeconds(60))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.constraint()).contains("fk_bookings_service_id"));
    }

    @Test
    void shouldStoreListMoveAndDeleteContactMessages() {
        ContactMessage m = tz.contacts().create(new NewContactMessage(null, "Visitor", "v@mail.test", "Opening hours", "When?"));

        assertThat(m.status()).isEqualTo(ContactStatus.NEW);
        assertThat(tz.contacts().findById(m.id())).contains(m);
        assertThat(tz.contacts().listByStatus(ContactStatus.NEW, null, 10).items()).extracting(ContactMessage::id).contains(m.id());
        assertThat(tz.contacts().changeStatus(m.id(), ContactStatus.IN_PROGRESS).orElseThrow().status())
                .isEqualTo(ContactStatus.IN_PROGRESS);
        assertThat(tz.contacts().listByStatus(ContactStatus.NEW, null, 10).items()).extracting(ContactMessage::id)
                .doesNotContain(m.id());
        assertThat(tz.contacts().delete(m.id())).isTrue();
        assertThat(tz.contacts().findById(m.id())).isEmpty();
        assertThatThrownBy(() -> new NewContactMessage(null, "V", "v@mail.test", "S", "m".repeat(5001)))
                .isInstanceOf(InvalidInputException.class);
    }
}
