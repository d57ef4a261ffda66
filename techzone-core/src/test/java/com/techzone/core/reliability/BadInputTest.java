package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.techzone.core.InvalidInputException;
import com.techzone.core.Shop;
import com.techzone.core.SortOrder;
import com.techzone.core.Techzone;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductChanges;
import com.techzone.core.catalog.Service;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.report.Granularity;
import com.techzone.core.review.NewReview;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every public DAO and workflow method with bad arguments, one table per feature: each row must be
 * refused with an {@link InvalidInputException} naming the argument (in the message and in
 * {@code field()}), and no table may gain or lose a row.
 */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    /** Every column of every row of the 13 tables, hashed per table: any insert, update or delete changes it. */
    private static final String TABLE_HASHES = java.util.stream.Stream.of("users", "categories", "products", "services",
                    "cart_items", "orders", "order_items", "order_status_history", "inventory_logs", "reviews", "bookings",
                    "contacts", "sales_reports")
            .map(t -> "'" + t + "=' || coalesce((SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM " + t + " r), 'empty')")
            .collect(java.util.stream.Collectors.joining(" || ' ' || ", "SELECT ", ""));

    private static final BigDecimal PRICE = new BigDecimal("10.00");
    private static final Instant NOON = Instant.parse("2030-01-01T12:00:00Z");

    private Shop shop;
    private Techzone tz;
    private User customer;
    private Category category;
    private Product product;
    private Service service;
    private Order order;

    /** One bad call, the argument it must be refused for (null: refused by the database, no field). */
    private record Case(String what, String field, ThrowingCallable call) {
    }

    private static Case refused(String what, String field, ThrowingCallable call) {
        return new Case(what, field, call);
    }

    private static String longText(int length) {
        return "x".repeat(length);
    }

    @BeforeAll
    void setUp(DataSource dataSource) {
        shop = Shop.on(dataSource);
        tz = shop.techzone();
        customer = shop.customer();
        category = shop.category();
        product = shop.product(category, "25.00", 50);
        service = shop.service();
        tz.carts().add(customer.id(), product.id(), 1);
        order = tz.checkout().checkout(CheckoutRequest.of(customer.id())).order();
        tz.carts().add(customer.id(), product.id(), 1);          // a cart for the checkout cases
    }

    private Stream<DynamicTest> table(Case... cases) {
        return Arrays.stream(cases).map(c -> DynamicTest.dynamicTest(c.what(), () -> {
            String before = snapshot();

            Throwable thrown = catchThrowable(c.call());

            assertThat(thrown).as(c.what()).isInstanceOf(InvalidInputException.class);
            InvalidInputException e = (InvalidInputException) thrown;
            if (c.field() == null) {
                assertThat(e.sqlState()).as("refused by the database").isPresent();
            } else {
                assertThat(e.field()).as(c.what()).contains(c.field());
                assertThat(e.getMessage()).as(c.what()).startsWith(c.field() + ": ");
            }
            assertThat(snapshot()).as("rows after " + c.what()).isEqualTo(before);
        }));
    }

    private String snapshot() {
        return tz.jdbi().withHandle(h -> h.createQuery(TABLE_HASHES).mapTo(String.class).one());
    }

    @TestFactory
    Stream<DynamicTest> catalog() {
        UUID id = product.id();
        return table(
                refused("category name null", "name", () -> new NewCategory(null, "slug", null)),
                refused("category name empty", "name", () -> new NewCategory("", "slug", null)),
                refused("category name 201 characters", "name", () -> new NewCategory(longText(201), "slug", null)),
                refused("category slug with spaces and capitals", "slug", () -> new NewCategory("Smart home", "Smart Home", null)),
                refused("category description 5001 characters", "description", () -> new NewCategory("n", "s", longText(5001))),
                refused("create(null category)", "category", () -> tz.categories().create(null)),
                refused("categories().findById(null)", "id", () -> tz.categories().findById(null)),
                refused("categories().findBySlug(null)", "slug", () -> tz.categories().findBySlug(null)),
                refused("categories().update(null id)", "id", () -> tz.categories().update(null, new NewCategory("n", "s", null))),
                refused("categories().delete(null)", "id", () -> tz.categories().delete(null)),
                refused("product sku null", "sku", () -> new NewProduct(null, null, "n", null, PRICE, 1, 1)),
                refused("product sku 65 characters", "sku", () -> new NewProduct(null, longText(65), "n", null, PRICE, 1, 1)),
                refused("product price zero", "price", () -> new NewProduct(null, "s", "n", null, BigDecimal.ZERO, 1, 1)),
                refused("product price negative", "price", () -> new NewProduct(null, "s", "n", null, new BigDecimal("-1"), 1, 1)),
                refused("product price with 3 decimals", "price", () -> new NewProduct(null, "s", "n", null, new BigDecimal("1.005"), 1, 1)),
                refused("product price too large", "price", () -> new NewProduct(null, "s", "n", null, new BigDecimal("1e10"), 1, 1)),
                refused("product initial stock negative", "initialStock", () -> new NewProduct(null, "s", "n", null, PRICE, -1, 1)),
                refused("product low-stock threshold negative", "lowStockThreshold", () -> new NewProduct(null, "s", "n", null, PRICE, 1, -1)),
                refused("products().create(null)", "product", () -> tz.products().create(null)),
                refused("products().createAll(null)", "products", () -> tz.products().createAll(null)),
                refused("products().createAll with a null element", "products[]",
                        () -> tz.products().createAll(Arrays.asList(new NewProduct(null, "OK-1", "n", null, PRICE, 1, 1), null))),
                refused("products().findById(null)", "id", () -> tz.products().findById(null)),
                refused("products().findBySku(null)", "sku", () -> tz.products().findBySku(null)),
                refused("products().update(null changes)", "changes", () -> tz.products().update(id, 1, null)),
                refused("products().update expected version -1", "expectedVersion",
                        () -> tz.products().update(id, -1, ProductChanges.of(product).withName("Renamed"))),
                refused("product changes price zero", "price", () -> ProductChanges.of(product).withPrice(BigDecimal.ZERO)),
                refused("product changes name empty", "name", () -> ProductChanges.of(product).withName("")),
                refused("products().deactivate(null)", "id", () -> tz.products().deactivate(null)),
                refused("page size 0", "pageSize", () -> tz.products().listActiveByCategory(category.id(), null, 0)),
                refused("page size 501", "pageSize", () -> tz.products().listActiveByCategory(category.id(), null, 501)),
                refused("page size negative", "pageSize", () -> tz.products().listActive(SortOrder.NEWEST_FIRST, null, -1)),
                refused("a cursor that is not one", "cursor", () -> tz.products().listActive(SortOrder.OLDEST_FIRST, "'; DROP TABLE products; --", 10)),
                refused("sort order null", "order", () -> tz.products().listActive(null, null, 10)),
                refused("low-stock limit 0", "limit", () -> tz.products().listLowStock(0)),
                refused("exportAll(null sink)", "sink", () -> tz.products().exportAll(null)),
                refused("service duration zero", "durationMinutes", () -> new NewService(null, "n", null, PRICE, 0)),
                refused("service duration negative", "durationMinutes", () -> new NewService(null, "n", null, PRICE, -30)),
                refused("service price zero", "price", () -> new NewService(null, "n", null, BigDecimal.ZERO, 30)),
                refused("services().update(null id)", "id", () -> tz.services().update(null, new NewService(null, "n", null, PRICE, 30))),
                refused("services().listActiveByCategory(null)", "categoryId", () -> tz.services().listActiveByCategory(null, null, 10)));
    }

    @TestFactory
    Stream<DynamicTest> cart() {
        UUID u = customer.id();
        UUID p = product.id();
        return table(
                refused("add(null user)", "userId", () -> tz.carts().add(null, p, 1)),
                refused("add(null product)", "productId", () -> tz.carts().add(u, null, 1)),
                refused("add quantity 0", "quantity", () -> tz.carts().add(u, p, 0)),
                refused("add quantity negative", "quantity", () -> tz.carts().add(u, p, -3)),
                refused("add quantity above the maximum", "quantity", () -> tz.carts().add(u, p, 10_001)),
                refused("setQuantity 0", "quantity", () -> tz.carts().setQuantity(u, p, 0)),
                refused("remove(null user)", "userId", () -> tz.carts().remove(null, p)),
                refused("listForUser(null)", "userId", () -> tz.carts().listForUser(null)),
                refused("clear(null)", "userId", () -> tz.carts().clear(null)),
                refused("purgeAbandoned(null cutoff)", "cutoff", () -> tz.carts().purgeAbandoned(null, 10)),
                refused("purgeAbandoned batch 0", "batchSize", () -> tz.carts().purgeAbandoned(Instant.now(), 0)));
    }

    @TestFactory
    Stream<DynamicTest> ordersAndCheckout() {
        UUID u = customer.id();
        return table(
                refused("checkout(null request)", "request", () -> tz.checkout().checkout(null)),
                refused("request without user", "userId", () -> CheckoutRequest.of(null)),
                refused("currency in lowercase", "currency", () -> CheckoutRequest.of(u).withCurrency("usd")),
                refused("currency not a code", "currency", () -> CheckoutRequest.of(u).withCurrency("US$")),
                refused("tax rate negative", "taxRate", () -> CheckoutRequest.of(u).withTaxRate(new BigDecimal("-0.01"))),
                refused("tax rate above 1", "taxRate", () -> CheckoutRequest.of(u).withTaxRate(new BigDecimal("1.5"))),
                refused("shipping negative", "shipping", () -> CheckoutRequest.of(u).withShipping(new BigDecimal("-5"))),
                refused("discount with 3 decimals", "discount", () -> CheckoutRequest.of(u).withDiscount(new BigDecimal("0.001"))),
                refused("idempotency key empty", "idempotencyKey", () -> CheckoutRequest.of(u).withIdempotencyKey("")),
                refused("idempotency key 201 characters", "idempotencyKey", () -> CheckoutRequest.of(u).withIdempotencyKey(longText(201))),
                refused("shipping address 1001 characters", "shippingAddress", () -> CheckoutRequest.of(u).withShippingAddress(longText(1001))),
                refused("discount larger than the order", "discount",
                        () -> tz.checkout().checkout(CheckoutRequest.of(u).withDiscount(new BigDecimal("1000.00")))),
                refused("unknown status label", "status", () -> OrderStatus.fromLabel("shipping")),
                refused("status label in capitals", "status", () -> OrderStatus.fromLabel("SHIPPED")),
                refused("status label null", "status", () -> OrderStatus.fromLabel(null)),
                refused("transition(null order)", "orderId", () -> tz.orderLifecycle().transition(null, OrderStatus.PROCESSING, null, null)),
                refused("transition to null", "to", () -> tz.orderLifecycle().transition(order.id(), null, null, null)),
                refused("transition note 5001 characters", "note",
                        () -> tz.orderLifecycle().transition(order.id(), OrderStatus.PROCESSING, null, longText(5001))),
                refused("cancel(null order)", "orderId", () -> tz.orderLifecycle().cancel(null, null, null)),
                refused("orders().findById(null)", "id", () -> tz.orders().findById(null)),
                refused("orders().findByNumber(0)", "orderNumber", () -> tz.orders().findByNumber(0)),
                refused("orders().findByNumber(-1)", "orderNumber", () -> tz.orders().findByNumber(-1)),
                refused("findByIdempotencyKey(null key)", "idempotencyKey", () -> tz.orders().findByIdempotencyKey(u, null)),
                refused("listByUserAndStatus(null status)", "status", () -> tz.orders().listByUserAndStatus(u, null, SortOrder.NEWEST_FIRST, null, 10)),
                refused("listByStatus page size 0", "pageSize", () -> tz.orders().listByStatus(OrderStatus.PENDING, null, 0)),
                refused("shipping address 1001 characters on change", "shippingAddress",
                        () -> tz.orders().changeShippingAddress(order.id(), longText(1001))),
                refused("changeShippingAddress(null order)", "id", () -> tz.orders().changeShippingAddress(null, "Main St 1")),
                refused("orderItems().listByOrder(null)", "orderId", () -> tz.orderItems().listByOrder(null)),
                refused("orderHistory().listByOrder(null)", "orderId", () -> tz.orderHistory().listByOrder(null)));
    }

    @TestFactory
    Stream<DynamicTest> inventory() {
        UUID p = product.id();
        return table(
                refused("restock 0", "quantity", () -> tz.inventory().restock(p, 0, null)),
                refused("restock negative", "quantity", () -> tz.inventory().restock(p, -5, null)),
                refused("restock(null product)", "productId", () -> tz.inventory().restock(null, 5, null)),
                refused("adjust by 0", "change", () -> tz.inventory().adjust(p, 0, "stocktaking", null)),
                refused("adjust note 5001 characters", "note", () -> tz.inventory().adjust(p, -1, longText(5001), null)),
                refused("restock past the integer range (refused by the database)", null, () -> tz.inventory().restock(p, Integer.MAX_VALUE, null)),
                refused("history(null product)", "productId", () -> tz.inventoryLogs().history(null, null, 10)),
                refused("history page size 0", "pageSize", () -> tz.inventoryLogs().history(p, null, 0)),
                refused("sumOfChanges(null)", "productId", () -> tz.inventoryLogs().sumOfChanges(null)));
    }

    @TestFactory
    Stream<DynamicTest> reviewsBookingsContacts() {
        UUID u = customer.id();
        UUID s = service.id();
        return table(
                refused("rating 0", "rating", () -> NewReview.ofProduct(u, product.id(), 0, null, null)),
                refused("rating 6", "rating", () -> NewReview.ofProduct(u, product.id(), 6, null, null)),
                refused("review of both a product and a service", "productId/serviceId", () -> new NewReview(u, product.id(), s, 5, null, null)),
                refused("review of nothing", "productId/serviceId", () -> new NewReview(u, null, null, 5, null, null)),
                refused("review without author", "userId", () -> NewReview.ofService(null, s, 5, null, null)),
                refused("review title 201 characters", "title", () -> NewReview.ofService(u, s, 5, longText(201), null)),
                refused("reviews().create(null)", "review", () -> tz.reviews().create(null)),
                refused("reviews().approve(null)", "id", () -> tz.reviews().approve(null)),
                refused("reviews page size 501", "pageSize", () -> tz.reviews().listAwaitingModeration(null, 501)),
                refused("booking ends before it starts", "endsAt", () -> NewBooking.guest(s, "Ann", "ann@x.io", NOON, NOON.minusSeconds(60))),
                refused("booking ends when it starts", "endsAt", () -> NewBooking.guest(s, "Ann", "ann@x.io", NOON, NOON)),
                refused("booking email without @", "contactEmail", () -> NewBooking.guest(s, "Ann", "ann.x.io", NOON, NOON.plusSeconds(3600))),
                refused("booking email with a space", "contactEmail", () -> NewBooking.guest(s, "Ann", "ann @x.io", NOON, NOON.plusSeconds(3600))),
                refused("booking email with two @", "contactEmail", () -> NewBooking.guest(s, "Ann", "ann@@x.io", NOON, NOON.plusSeconds(3600))),
                refused("booking contact name empty", "contactName", () -> NewBooking.guest(s, "", "ann@x.io", NOON, NOON.plusSeconds(3600))),
                refused("booking without service", "serviceId", () -> NewBooking.guest(null, "Ann", "ann@x.io", NOON, NOON.plusSeconds(3600))),
                refused("bookings().book(null)", "booking", () -> tz.bookings().book(null)),
                refused("listForService window ends before it starts", "to", () -> tz.bookings().listForService(s, NOON, NOON.minusSeconds(1), null, 10)),
                refused("bookings().cancel(null)", "id", () -> tz.bookings().cancel(null)),
                refused("contact email without domain", "email", () -> new NewContactMessage(null, "Ann", "ann@", "Hi", "Hello")),
                refused("contact message empty", "message", () -> new NewContactMessage(null, "Ann", "ann@x.io", "Hi", "")),
                refused("contact subject 201 characters", "subject", () -> new NewContactMessage(null, "Ann", "ann@x.io", longText(201), "Hello")),
                refused("contacts().changeStatus(null status)", "status", () -> tz.contacts().changeStatus(UUID.randomUUID(), null)),
                refused("contacts().create(null)", "message", () -> tz.contacts().create(null)));
    }

    @TestFactory
    Stream<DynamicTest> usersAndReports() {
        UUID u = customer.id();
        var accounts = tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        LocalDate day = LocalDate.of(2030, 1, 15);
        return table(
                refused("email without @", "email", () -> new NewUser("bob", Shop.SOME_HASH, "Bob", null)),
                refused("email with two @", "email", () -> new NewUser("bob@@x.io", Shop.SOME_HASH, "Bob", null)),
                refused("email 256 characters", "email", () -> new NewUser(longText(250) + "@x.io1", Shop.SOME_HASH, "Bob", null)),
                refused("empty password hash", "passwordHash", () -> new NewUser("bob@x.io", "", "Bob", null)),
                refused("full name 201 characters", "fullName", () -> new NewUser("bob@x.io", Shop.SOME_HASH, longText(201), null)),
                refused("users().create(null)", "user", () -> tz.users().create(null)),
                refused("rename to empty", "fullName", () -> tz.users().rename(u, "")),
                refused("rename(null user)", "id", () -> tz.users().rename(null, "Bob")),
                refused("changeEmail malformed", "email", () -> tz.users().changeEmail(u, "not-an-email")),
                refused("changeRole(null role)", "role", () -> tz.users().changeRole(u, null)),
                refused("findByEmail(null)", "email", () -> tz.users().findByEmail(null)),
                refused("register with a 7-character password", "password", () -> accounts.register("new@x.io", "1234567".toCharArray(), "New", null)),
                refused("register with a malformed email", "email", () -> accounts.register("new.x.io", "correct horse".toCharArray(), "New", null)),
                refused("register with an empty name", "fullName", () -> accounts.register("new@x.io", "correct horse".toCharArray(), "", null)),
                refused("changePassword(null user)", "userId", () -> accounts.changePassword(null, "correct horse".toCharArray())),
                refused("changePassword too short", "password", () -> accounts.changePassword(u, "short".toCharArray())),
                refused("erase(null)", "userId", () -> accounts.erase(null)),
                refused("rebuild(null granularity)", "granularity", () -> tz.reports().rebuild(null, day)),
                refused("rebuild(null day)", "day", () -> tz.reports().rebuild(Granularity.DAY, null)),
                refused("report list ending before it starts", "to", () -> tz.reports().list(Granularity.DAY, day, day.minusDays(1))),
                refused("report list of an empty range", "to", () -> tz.reports().list(Granularity.DAY, day, day)));
    }

    /** Sanity: the snapshot sees writes, counts and text alike, so "unchanged" above means something. */
    @TestFactory
    Stream<DynamicTest> snapshotSeesAWrite() {
        return Stream.of(DynamicTest.dynamicTest("a restock changes the snapshot", () -> {
            String before = snapshot();
            tz.inventory().restock(product.id(), 1, null);
            assertThat(snapshot()).isNotEqualTo(before);
            List<String> violations = Invariants.violations(tz.jdbi());
            assertThat(violations).isEmpty();
        }), DynamicTest.dynamicTest("a text update that changes no count changes the snapshot", () -> {
            String before = snapshot();
            tz.jdbi().useHandle(h -> h.execute("UPDATE products SET description = coalesce(description, '') || '.' WHERE id = ?",
                    product.id()));
            assertThat(snapshot()).isNotEqualTo(before);
        }));
    }
}
