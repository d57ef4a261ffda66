package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.techzone.TechzoneException;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.booking.Booking;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.report.Granularity;
import com.techzone.core.report.SalesReport;
import com.techzone.core.review.NewReview;
import com.techzone.core.user.ErasureOutcome;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.Role;
import com.techzone.core.user.User;
import com.techzone.migrations.TechzoneMigrations;
import com.techzone.migrations.TechzoneRoles;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestRoles;
import com.techzone.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The library run as the least-privilege application role of {@link TechzoneRoles}: every workflow
 * works on DML rights alone, and DDL sent through the library's Jdbi or a DAO is refused (42501).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeTest {

    private static final TechzoneRoles ROLES = TechzoneRoles.configure()
            .owner(TestRoles.unique("lp_core_owner")).application(TestRoles.unique("lp_core_app"))
            .monitor(TestRoles.unique("lp_core_monitor")).load();

    private TestDatabase admin;
    private HikariDataSource pool;
    private Techzone tz;

    /** DDL dressed as a DAO, as a careless host might write one. */
    public interface Intruder {
        @SqlUpdate("CREATE TABLE intruder (id int)")
        void createTable();

        @SqlUpdate("ALTER TABLE orders ADD COLUMN intruder int")
        void alterTable();

        @SqlUpdate("DROP TABLE contacts")
        void dropTable();

        @SqlUpdate("TRUNCATE inventory_logs")
        void truncate();

        @SqlUpdate("DELETE FROM techzone_schema_history")
        void rewriteHistory();
    }

    @BeforeAll
    void createRolesMigrateAsOwnerAndConnectAsTheApplication() {
        admin = TestPostgres.get().createEmptyDatabase();
        ROLES.apply(admin.dataSource());
        TechzoneMigrations.migrate(new TestDatabase(admin.name(), admin.jdbcUrl(), ROLES.owner(), "").dataSource());
        ROLES.apply(admin.dataSource());
        pool = TechzonePool.create(admin.jdbcUrl(), ROLES.application(), "", "least-privilege-test");
        tz = Techzone.create(pool);
    }

    @AfterAll
    void dropDatabase() {
        pool.close();
        admin.close();
        TestRoles.drop(ROLES.owner(), ROLES.application(), ROLES.monitor());
    }

    @Test
    void shouldRunEveryWorkflowAsTheApplicationRole() {
        String currentUser = tz.jdbi().withHandle(h -> h.select("SELECT current_user").mapTo(String.class).one());
        assertThat(currentUser).isEqualTo(ROLES.application());
        var accounts = tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        User staff = accounts.register("staff@shop.test", "staff password".toCharArray(), "Staff", Role.ADMIN);
        User customer = accounts.register("buyer@shop.test", "buyer password".toCharArray(), "Buyer", null);
        assertThat(accounts.authenticate("BUYER@shop.test", "buyer password".toCharArray())).isPresent();
        Category category = tz.categories().create(new NewCategory("Audio", "audio", null));
        Product speaker = tz.products().create(new NewProduct(category.id(), "SPK-1", "Speaker", null, new BigDecimal("45.00"), 10, 2));
        assertThat(tz.products().createAll(List.of(new NewProduct(category.id(), "SPK-2", "Speaker 2", null, BigDecimal.TEN, 5, 1)))).isEqualTo(1);
        tz.inventory().restock(speaker.id(), 5, staff.id());

        tz.carts().add(customer.id(), speaker.id(), 2);
        Order order = tz.checkout().checkout(CheckoutRequest.of(customer.id()).withIdempotencyKey("lp-1")).order();
        for (OrderStatus next : List.of(OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.REFUNDED)) {
            assertThat(tz.orderLifecycle().transition(order.id(), next, staff.id(), null).status()).isEqualTo(next);
        }
        tz.carts().add(customer.id(), speaker.id(), 1);
        Order cancelled = tz.orderLifecycle().cancel(tz.checkout().checkout(CheckoutRequest.of(customer.id())).order().id(), null, null);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);

        var review = tz.reviews().create(NewReview.ofProduct(customer.id(), speaker.id(), 5, "Loud", null));
        assertThat(tz.reviews().approve(review.id())).isPresent();
        Service setup = tz.services().create(new NewService(category.id(), "Setup", null, new BigDecimal("30.00"), 60));
        Instant start = Instant.parse("2030-05-01T10:00:00Z");
        Booking booking = tz.bookings().book(new NewBooking(setup.id(), customer.id(), "Buyer", "buyer@shop.test", start, start.plusSeconds(3600), null));
        assertThat(tz.bookings().confirm(booking.id())).isPresent();
        tz.contacts().create(new NewContactMessage(customer.id(), "Buyer", "buyer@shop.test", "Thanks", "Works"));
        SalesReport report = tz.reports().rebuild(Granularity.DAY, LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC));
        assertThat(report.ordersCount()).as("the day's orders, the cancelled one left out")
                .isEqualTo(tz.jdbi().withHandle(h -> h.select("SELECT count(*) FROM orders WHERE status <> 'cancelled' "
                        + "AND created_at >= (:day::date)::timestamp AT TIME ZONE 'UTC' "
                        + "AND created_at < (:day::date + 1)::timestamp AT TIME ZONE 'UTC'").bind("day", report.periodStart())
                        .mapTo(Integer.class).one()))
                .isPositive();
        assertThat(tz.reports().dashboard().pendingOrders()).as("pending orders, counted as the application role sees them")
                .isEqualTo(tz.jdbi().withHandle(h -> h.select("SELECT count(*) FROM orders WHERE status = 'pending'")
                        .mapTo(Long.class).one()));
        assertThat(accounts.erase(customer.id())).isEqualTo(ErasureOutcome.ANONYMIZED);

        assertThat(Invariants.violations(tz.jdbi())).isEmpty();
    }

    @Test
    void shouldRefuseDdlSentThroughTheLibrary() {
        Intruder intruder = tz.dao(Intruder.class);
        List<Runnable> attempts = List.of(intruder::createTable, intruder::alterTable, intruder::dropTable, intruder::truncate,
                intruder::rewriteHistory, () -> tz.jdbi().useHandle(h -> h.execute("CREATE INDEX intruder ON users (full_name)")));
        for (Runnable attempt : attempts) {
            Throwable refused = catchThrowable(attempt::run);
            if (refused instanceof TechzoneException typed) {
                assertThat(typed.sqlState()).contains("42501");
            } else {
                assertThat(refused).rootCause().isInstanceOf(java.sql.SQLException.class)   // the host's own Jdbi call: not translated
                        .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
        boolean untouched = tz.jdbi().withHandle(h -> h.select("SELECT to_regclass('intruder') IS NULL "
                + "AND to_regclass('contacts') IS NOT NULL").mapTo(Boolean.class).one());
        assertThat(untouched).as("no index created, the tables still there").isTrue();
    }
}
