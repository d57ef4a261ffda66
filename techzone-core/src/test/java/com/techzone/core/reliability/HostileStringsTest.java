package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.InvalidInputException;
import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.booking.Booking;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.contact.ContactMessage;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.Review;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile text in every text field and search parameter: stored and read back verbatim, never
 * executed; NUL, which PostgreSQL text cannot hold, refused as {@link InvalidInputException} naming the field.
 */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileStringsTest {

    private static final List<String> HOSTILE = List.of(
            "O'Brien \"quoted\" `backtick` \\backslash",
            "'; DROP TABLE users; --",
            "Robert'); DROP TABLE products; --",
            "$$; DROP TABLE orders; $$ :userId ? $1",
            "100% _match_ [a-z]* LIKE '%'",
            "Ünïcödé — ñ 日本語 ß",
            "Emoji 🛒🔥👩‍💻 ✓",
            "RTL مرحبا עברית \u202Eevil\u202C \u200F",
            "line\nbreak\r\ttab");

    /** Emails must be name@domain without spaces: the hostile characters that fit. */
    private static final String HOSTILE_EMAIL_LOCAL = "o'brien';DROP_TABLE_users;--\"$$";

    private static final String[] TABLES = {"users", "categories", "products", "services", "cart_items", "orders",
        "order_items", "order_status_history", "inventory_logs", "reviews", "bookings", "contacts", "sales_reports"};

    private Shop shop;
    private Techzone tz;

    @BeforeAll
    void setUp(DataSource dataSource) {
        shop = Shop.on(dataSource);
        tz = shop.techzone();
    }

    @AfterAll
    void everyTableIsStillThere() {
        for (String table : TABLES) {
            assertThat(shop.count("SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relkind IN ('r', 'p')"))
                    .as(table).isEqualTo(1);
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldStoreHostileTextVerbatimInEveryField() {
        return IntStream.range(0, HOSTILE.size()).mapToObj(i -> DynamicTest.dynamicTest(HOSTILE.get(i).replace('\n', ' '), () -> {
            String s = HOSTILE.get(i);
            Category category = tz.categories().create(new NewCategory(s, "hostile-" + i, s));
            assertThat(tz.categories().findById(category.id()).orElseThrow()).satisfies(c -> {
                assertThat(c.name()).isEqualTo(s);
                assertThat(c.description()).isEqualTo(s);
            });
            Product product = tz.products().create(new NewProduct(category.id(), "H" + i + s, s, s, new BigDecimal("5.00"), 10, 1));
            assertThat(tz.products().findBySku("H" + i + s).orElseThrow().id()).isEqualTo(product.id());
            assertThat(tz.products().findById(product.id()).orElseThrow()).satisfies(p -> {
                assertThat(p.name()).isEqualTo(s);
                assertThat(p.description()).isEqualTo(s);
            });
            Service service = tz.services().create(new NewService(category.id(), s, s, new BigDecimal("5.00"), 30));
            assertThat(tz.services().findById(service.id()).orElseThrow().description()).isEqualTo(s);

            String email = HOSTILE_EMAIL_LOCAL + i + "@x.io";
            User user = tz.users().create(new NewUser(email, Shop.SOME_HASH, s, null));
            assertThat(tz.users().findByEmail(email.toUpperCase(java.util.Locale.ROOT)).orElseThrow().fullName()).isEqualTo(s);
            assertThat(tz.users().rename(user.id(), s + "!").orElseThrow().fullName()).isEqualTo(s + "!");

            tz.carts().add(user.id(), product.id(), 1);
            Order order = tz.checkout().checkout(CheckoutRequest.of(user.id()).withShippingAddress(s).withIdempotencyKey(s)).order();
            assertThat(tz.orders().findByIdempotencyKey(user.id(), s).orElseThrow().id()).isEqualTo(order.id());
            assertThat(tz.orders().findById(order.id()).orElseThrow().shippingAddress()).isEqualTo(s);
            assertThat(tz.orderItems().listByOrder(order.id())).singleElement().satisfies(item -> {
                assertThat(item.productName()).isEqualTo(s);
                assertThat(item.sku()).isEqualTo("H" + i + s);
            });
            assertThat(tz.orders().changeShippingAddress(order.id(), s + "?").orElseThrow().shippingAddress()).isEqualTo(s + "?");
            tz.orderLifecycle().transition(order.id(), OrderStatus.ON_HOLD, user.id(), s);
            assertThat(tz.orderHistory().listByOrder(order.id())).last().satisfies(h -> assertThat(h.note()).isEqualTo(s));

            InventoryLog log = tz.inventory().adjust(product.id(), -1, s, null);
            assertThat(tz.inventoryLogs().history(product.id(), null, 1).items()).singleElement()
                    .satisfies(l -> assertThat(l.note()).isEqualTo(s).isEqualTo(log.note()));

            Review review = tz.reviews().create(NewReview.ofProduct(user.id(), product.id(), 4, s, s));
            assertThat(tz.reviews().findById(review.id()).orElseThrow()).satisfies(r -> {
                assertThat(r.title()).isEqualTo(s);
                assertThat(r.body()).isEqualTo(s);
            });

            Instant start = Instant.parse("2031-01-01T09:00:00Z").plusSeconds(7200L * i);
            Booking booking = tz.bookings().book(new NewBooking(service.id(), null, s, email, start, start.plusSeconds(3600), s));
            assertThat(tz.bookings().findById(booking.id()).orElseThrow()).satisfies(b -> {
                assertThat(b.contactName()).isEqualTo(s);
                assertThat(b.contactEmail()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));   // stored normalised
                assertThat(b.notes()).isEqualTo(s);
            });

            ContactMessage message = tz.contacts().create(new NewContactMessage(null, s, email, s, s));
            assertThat(tz.contacts().findById(message.id()).orElseThrow()).satisfies(m -> {
                assertThat(m.name()).isEqualTo(s);
                assertThat(m.subject()).isEqualTo(s);
                assertThat(m.message()).isEqualTo(s);
            });

            assertThat(tz.categories().findBySlug(s)).isEmpty();
            assertThat(tz.products().findBySku(s)).isEmpty();
            assertThat(tz.users().findByEmail(s)).isEmpty();
            assertThat(tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS)).authenticate(s, "whatever1".toCharArray())).isEmpty();
            assertThat(Invariants.violations(tz.jdbi())).isEmpty();
        }));
    }

    @Test
    void shouldRefuseNulInEveryTextFieldAndSearchParameterByName() {
        String nul = "before\u0000after";
        User user = shop.customer();
        Product product = shop.product("3.00", 10);
        Service service = shop.service();
        Instant start = Instant.parse("2032-01-01T09:00:00Z");
        long rowsBefore = totalRows();
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"name", (ThrowingCallable) () -> new NewCategory(nul, "nul", null)});
        cases.add(new Object[] {"description", (ThrowingCallable) () -> new NewCategory("n", "nul", nul)});
        cases.add(new Object[] {"sku", (ThrowingCallable) () -> new NewProduct(null, nul, "n", null, BigDecimal.ONE, 0, 0)});
        cases.add(new Object[] {"name", (ThrowingCallable) () -> new NewProduct(null, "s", nul, null, BigDecimal.ONE, 0, 0)});
        cases.add(new Object[] {"description", (ThrowingCallable) () -> new NewService(null, "n", nul, BigDecimal.ONE, 30)});
        cases.add(new Object[] {"fullName", (ThrowingCallable) () -> new NewUser("nul@x.io", Shop.SOME_HASH, nul, null)});
        cases.add(new Object[] {"email", (ThrowingCallable) () -> new NewUser("nul\u0000@x.io", Shop.SOME_HASH, "n", null)});
        cases.add(new Object[] {"fullName", (ThrowingCallable) () -> tz.users().rename(user.id(), nul)});
        cases.add(new Object[] {"shippingAddress", (ThrowingCallable) () -> CheckoutRequest.of(user.id()).withShippingAddress(nul)});
        cases.add(new Object[] {"idempotencyKey", (ThrowingCallable) () -> CheckoutRequest.of(user.id()).withIdempotencyKey(nul)});
        cases.add(new Object[] {"note", (ThrowingCallable) () -> tz.inventory().adjust(product.id(), 1, nul, null)});
        cases.add(new Object[] {"note", (ThrowingCallable) () -> tz.orderLifecycle().transition(UUID.randomUUID(), OrderStatus.PROCESSING, null, nul)});
        cases.add(new Object[] {"title", (ThrowingCallable) () -> NewReview.ofProduct(user.id(), product.id(), 3, nul, null)});
        cases.add(new Object[] {"body", (ThrowingCallable) () -> NewReview.ofProduct(user.id(), product.id(), 3, null, nul)});
        cases.add(new Object[] {"contactName", (ThrowingCallable) () -> NewBooking.guest(service.id(), nul, "a@x.io", start, start.plusSeconds(60))});
        cases.add(new Object[] {"notes", (ThrowingCallable) () -> new NewBooking(service.id(), null, "A", "a@x.io", start, start.plusSeconds(60), nul)});
        cases.add(new Object[] {"message", (ThrowingCallable) () -> new NewContactMessage(null, "A", "a@x.io", "S", nul)});
        cases.add(new Object[] {"sku", (ThrowingCallable) () -> tz.products().findBySku(nul)});
        cases.add(new Object[] {"slug", (ThrowingCallable) () -> tz.categories().findBySlug(nul)});
        cases.add(new Object[] {"email", (ThrowingCallable) () -> tz.users().findByEmail(nul)});
        cases.add(new Object[] {"idempotencyKey", (ThrowingCallable) () -> tz.orders().findByIdempotencyKey(user.id(), nul)});
        cases.add(new Object[] {"shippingAddress", (ThrowingCallable) () -> tz.orders().changeShippingAddress(UUID.randomUUID(), nul)});
        cases.add(new Object[] {"cursor", (ThrowingCallable) () -> tz.users().list(nul, 10)});

        for (Object[] c : cases) {
            String field = (String) c[0];
            assertThatThrownBy((ThrowingCallable) c[1]).as(field)
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).as(field).contains(field));
        }
        assertThat(tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS)).authenticate(nul, "whatever1".toCharArray()))
                .as("a login with NUL in the email is an unknown account").isEmpty();
        assertThat(totalRows()).isEqualTo(rowsBefore);
    }

    private long totalRows() {
        StringBuilder sql = new StringBuilder("SELECT 0");
        for (String table : TABLES) {
            sql.append(" + (SELECT count(*) FROM ").append(table).append(')');
        }
        return shop.count(sql.toString());
    }
}
