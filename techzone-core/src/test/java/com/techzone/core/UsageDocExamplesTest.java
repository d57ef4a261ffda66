package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.booking.Booking;
import com.techzone.core.booking.BookingConflictException;
import com.techzone.core.booking.BookingStatus;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.cart.CartItem;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.ProductChanges;
import com.techzone.core.catalog.Service;
import com.techzone.core.contact.ContactMessage;
import com.techzone.core.contact.ContactStatus;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryReason;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.order.OrderStatusChange;
import com.techzone.core.report.DashboardCounts;
import com.techzone.core.report.Granularity;
import com.techzone.core.report.SalesReport;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.Review;
import com.techzone.core.user.Role;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.cart.CartDao;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.inventory.Shortage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.Restock;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.PurchaseRequirement;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.UnverifiedPurchaseException;
import com.techzone.core.user.ErasureOptions;
import com.techzone.core.user.ErasureOutcome;
import com.techzone.core.user.User;
import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The examples of docs/usage.md: each snippet between tag markers is copied there verbatim. */
@TechzoneDatabaseTest
class UsageDocExamplesTest {

    @Test
    void shouldBuildTheFacadeFromAPool(TestDatabase database) {
        String jdbcUrl = database.jdbcUrl();
        String user = database.user();
        String password = database.password();
        // tag::facade[]
        try (HikariDataSource pool = TechzonePool.create(jdbcUrl, user, password, "shop-web")) {
            Techzone techzone = Techzone.create(pool);
            ProductDao products = techzone.products();
            assertThat(products.findBySku("NO-SUCH-SKU")).isEmpty();
        }
        // end::facade[]
    }

    @Test
    void shouldUseTheTablesOfANonPublicSchema() {
        try (TestDatabase database = TestPostgres.get().createMigratedDatabase("shop")) {   // public: a host's own users, orders, ...
            DataSource dataSource = database.dataSource();
            // tag::schema[]
            TechzoneMigrations.configure(dataSource).schema("shop").load().migrate();
            Techzone techzone = Techzone.configure(dataSource).schema("shop").build();
            Category audio = techzone.categories().create(new NewCategory("Audio", "audio", null));  // INSERT INTO shop.categories
            assertThat(techzone.categories().findBySlug("audio")).contains(audio);
            // end::schema[]
            assertThat(techzone.schema()).isEqualTo("shop");
        }
    }

    @Test
    void shouldCheckOutAndHandleShortStock(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product mouse = shop.product("19.99", 10);
        java.io.StringWriter shown = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(shown, true);   // what the host would show its user
        // tag::checkout[]
        techzone.carts().add(customer.id(), mouse.id(), 2);
        CheckoutRequest request = CheckoutRequest.of(customer.id())
                .withIdempotencyKey("order-form-7f3a")          // the same key again returns the same order
                .withTaxRate(new java.math.BigDecimal("0.08"));
        try {
            CheckoutResult result = techzone.checkout().checkout(request);
            out.println("Order #" + result.order().orderNumber() + " total " + result.order().total());
        } catch (InsufficientStockException e) {
            for (Shortage s : e.shortages()) {
                out.println(s.sku() + ": asked " + s.requested() + ", only " + s.available() + " left");
            }
        }
        // end::checkout[]
        assertThat(techzone.products().findById(mouse.id()).orElseThrow().stock()).isEqualTo(8);
        assertThat(shown.toString()).startsWith("Order #").contains("total 43.18");
    }

    @Test
    void shouldRunOurCallsInsideTheHostsTransaction(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product cable = shop.product("5.00", 10);
        // tag::host-transaction[]
        assertThatThrownBy(() -> techzone.jdbi().useTransaction(handle -> {
            CartDao cart = techzone.attach(handle, CartDao.class);      // same connection, same transaction
            cart.add(customer.id(), cable.id(), 3);
            techzone.checkout().checkout(handle, CheckoutRequest.of(customer.id()));
            handle.execute("INSERT INTO contacts (name, email, subject, message) VALUES (?, ?, ?, ?)",
                    "Audit", "audit@shop.test", "Order placed", "by the host");
            throw new IllegalStateException("the host changes its mind");  // everything above rolls back
        })).hasMessageContaining("changes its mind");
        // end::host-transaction[]
        assertThat(techzone.products().findById(cable.id()).orElseThrow().stock()).isEqualTo(10);
        assertThat(techzone.carts().listForUser(customer.id())).isEmpty();
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + customer.id() + "'")).isZero();
    }

    @Test
    void shouldPageThroughACategory(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        Category category = shop.category();
        for (int i = 0; i < 45; i++) {
            shop.product(category, "1.00", 1);
        }
        List<UUID> seen = new ArrayList<>();
        // tag::pagination[]
        String cursor = null;                                   // null: the first page
        do {
            Page<Product> page = techzone.products().listActiveByCategory(category.id(), cursor, 20);
            page.items().forEach(p -> seen.add(p.id()));
            cursor = page.nextCursor();                         // opaque; null after the last page
        } while (cursor != null);
        // end::pagination[]
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void shouldRouteListingsToAReplica(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Category category = shop.category();
        UUID productId = shop.product(category, "5.00", 3).id();
        shop.product(category, "6.00", 3);
        DataSource primary = dataSource;
        DataSource replica = dataSource;   // the rules on a real streaming replica: ReadReplicasTest
        // tag::read-replicas[]
        Techzone techzone = Techzone.configure(primary)
                .readReplicas(replica)                        // pooled data sources of streaming replicas
                .maxReplicaLag(Duration.ofSeconds(5))         // the default: a replica further behind gets no reads
                .build();
        Page<Product> page = techzone.products().listActiveByCategory(category.id(), null, 20);   // @ReplicaRead: a replica
        techzone.products().deactivate(page.items().get(0).id());                                 // a write: the primary
        Page<Product> after = techzone.products().listActiveByCategory(category.id(), null, 20);  // this thread, in the window: the primary
        RatingSummary rating = techzone.onPrimary(() -> techzone.reviews().ratingSummaryForProduct(productId));
        // end::read-replicas[]
        assertThat(page.items()).hasSize(2);
        assertThat(after.items()).hasSize(1);
        assertThat(rating.count()).isZero();
    }

    @Test
    void shouldReportConstraintViolationsByName(DataSource dataSource) {
        Techzone techzone = Shop.on(dataSource).techzone();
        UUID unknownUser = UUID.randomUUID();
        UUID unknownProduct = UUID.randomUUID();
        String refused = null;
        // tag::errors[]
        try {
            techzone.carts().add(unknownUser, unknownProduct, 1);
        } catch (ConstraintViolationException e) {
            refused = e.constraint().orElse("?") + " / SQLState " + e.sqlState().orElse("?");
        } catch (InvalidInputException e) {
            refused = "bad input: " + e.field().orElse("?");
        }
        // end::errors[]
        assertThat(refused).isEqualTo("fk_cart_items_user_id / SQLState 23503");
    }

    @Test
    void shouldImportACatalogueInBulk(DataSource dataSource) {
        Techzone techzone = Shop.on(dataSource).techzone();
        // tag::bulk-import[]
        List<NewProduct> rows = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            rows.add(new NewProduct(null, "BULK-" + i, "Cable " + i, null, new BigDecimal("4.99"), 100, 10));
        }
        long imported = techzone.productImport().load(rows);   // COPY; one transaction, all or nothing
        // end::bulk-import[]
        assertThat(imported).isEqualTo(10_000);
        assertThat(techzone.products().findBySku("BULK-10000")).isPresent();
    }

    @Test
    void shouldApplyTheCommerceRules(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        User stranger = shop.customer();
        Product product = shop.product("25.00", 10);
        techzone.carts().add(customer.id(), product.id(), 1);
        UUID orderId = techzone.checkout().checkout(CheckoutRequest.of(customer.id())
                .withShippingAddress("1 Invoice Road")).order().id();
        for (com.techzone.core.order.OrderStatus next : new com.techzone.core.order.OrderStatus[] {
                com.techzone.core.order.OrderStatus.PROCESSING, com.techzone.core.order.OrderStatus.SHIPPED,
                com.techzone.core.order.OrderStatus.DELIVERED}) {
            techzone.orderLifecycle().transition(orderId, next, null, null);
        }
        UUID staffId = null;
        java.io.StringWriter shown = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(shown, true);   // what the host would show its user
        // tag::commerce-rules[]
        techzone.orderLifecycle().refund(orderId, staffId, "parcel lost", Restock.NO_RESTOCK);   // nothing back on the shelf
        try {
            techzone.reviews().create(NewReview.ofProduct(stranger.id(), product.id(), 1, "Never bought it", null),
                    PurchaseRequirement.VERIFIED_PURCHASE);
        } catch (UnverifiedPurchaseException e) {
            out.println("Only customers who received this product may review it");
        }
        ErasureOutcome outcome = techzone.accounts().erase(customer.id(),
                ErasureOptions.defaults().keepingShippingAddresses());    // the tax office wants invoice addresses
        // end::commerce-rules[]
        assertThat(techzone.products().findById(product.id()).orElseThrow().stock()).isEqualTo(9);
        assertThat(shown.toString()).startsWith("Only customers who received");
        assertThat(outcome).isEqualTo(ErasureOutcome.ANONYMIZED);
        assertThat(techzone.orders().findById(orderId).orElseThrow().shippingAddress()).isEqualTo("1 Invoice Road");
    }

    @Test
    void shouldRegisterAuthenticateChangeTheEmailAndErase(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        Instant beforeSignIn = shop.databaseClock();
        // tag::accounts[]
        User ada = techzone.accounts().register("Ada@Shop.test", "correct horse 1".toCharArray(), "Ada Lovelace", Role.USER);
        Optional<User> signedIn = techzone.accounts().authenticate("ada@shop.test", "correct horse 1".toCharArray());
        User moved = techzone.users().changeEmail(ada.id(), "ada.l@shop.test").orElseThrow();   // empty: no such user
        techzone.accounts().changePassword(ada.id(), "a new passphrase".toCharArray());
        Optional<User> withNewPassword = techzone.accounts().authenticate("ADA.L@shop.test", "a new passphrase".toCharArray());
        ErasureOutcome outcome = techzone.accounts().erase(ada.id());   // no orders: the row is deleted
        // end::accounts[]
        Instant afterSignIn = shop.databaseClock();
        assertThat(ada.email()).isEqualTo("ada@shop.test");
        assertThat(signedIn).map(User::id).contains(ada.id());
        assertThat(signedIn.orElseThrow().lastLoginAt()).isBetween(beforeSignIn, afterSignIn);
        assertThat(moved.email()).isEqualTo("ada.l@shop.test");
        assertThat(withNewPassword).map(User::id).contains(ada.id());
        assertThat(outcome).isEqualTo(ErasureOutcome.DELETED);
        assertThat(techzone.users().findById(ada.id())).isEmpty();
        assertThat(techzone.accounts().authenticate("ada.l@shop.test", "a new passphrase".toCharArray())).isEmpty();
    }

    @Test
    void shouldCreateRenameAndListCategories(DataSource dataSource) {
        Techzone techzone = Shop.on(dataSource).techzone();
        // tag::categories[]
        Category audio = techzone.categories().create(new NewCategory("Audio", "audio", "Headphones and speakers"));
        Category cables = techzone.categories().create(new NewCategory("Cables", "cables", null));
        techzone.categories().update(audio.id(), new NewCategory("Hi-Fi", "hi-fi", null));   // empty: no such id
        List<Category> menu = techzone.categories().listAll();          // by name; one level, no parents
        Optional<Category> bySlug = techzone.categories().findBySlug("hi-fi");
        // end::categories[]
        assertThat(menu).extracting(Category::name).containsSubsequence("Cables", "Hi-Fi");
        assertThat(menu).extracting(Category::id).contains(cables.id());
        assertThat(bySlug).map(Category::id).contains(audio.id());
        assertThat(techzone.categories().findBySlug("audio")).isEmpty();
    }

    @Test
    void shouldCreateFindListAndRepriceProducts(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        Category category = shop.category();
        String staleUpdate = null;
        // tag::products[]
        techzone.products().create(new NewProduct(category.id(), "MOUSE-1", "Wireless mouse", null,
                new BigDecimal("19.99"), 50, 5));                   // 50 in stock: written to the ledger as `initial`
        Product mouse = techzone.products().findBySku("MOUSE-1").orElseThrow();
        Product cheaper = techzone.products().update(mouse.id(), mouse.version(),
                ProductChanges.of(mouse).withPrice(new BigDecimal("17.99")));       // version + 1
        try {
            techzone.products().update(mouse.id(), mouse.version(), ProductChanges.of(mouse).withName("Mouse"));
        } catch (StaleVersionException e) {                          // changed since `mouse` was read
            staleUpdate = "expected version " + e.expectedVersion() + ", now " + e.actualVersion();
        }
        Page<Product> newest = techzone.products().listActive(SortOrder.NEWEST_FIRST, null, 20);
        techzone.products().deactivate(mouse.id());                  // off sale; orders and ledger keep it
        // end::products[]
        assertThat(cheaper.price()).isEqualByComparingTo("17.99");
        assertThat(cheaper.version()).isEqualTo(mouse.version() + 1);
        assertThat(staleUpdate).isEqualTo("expected version " + mouse.version() + ", now " + cheaper.version());
        assertThat(techzone.products().findById(mouse.id()).orElseThrow().name()).isEqualTo("Wireless mouse");
        assertThat(newest.items()).extracting(Product::id).contains(mouse.id());
        assertThat(techzone.products().findById(mouse.id()).orElseThrow().active()).isFalse();
        assertThat(techzone.products().listActiveByCategory(category.id(), null, 20).items()).isEmpty();
    }

    @Test
    void shouldCreateUpdateAndListServices(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        Category category = shop.category();
        // tag::services[]
        Service repair = techzone.services().create(new NewService(category.id(), "Screen repair", null,
                new BigDecimal("89.00"), 90));                        // 90 minutes
        techzone.services().update(repair.id(), new NewService(category.id(), "Screen repair", "Same day",
                new BigDecimal("79.00"), 90));                        // empty: no such service
        Page<Service> offered = techzone.services().listActiveByCategory(category.id(), null, 20);
        // end::services[]
        assertThat(offered.items()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(repair.id());
            assertThat(s.price()).isEqualByComparingTo("79.00");
            assertThat(s.description()).isEqualTo("Same day");
        });
    }

    @Test
    void shouldFillChangeAndEmptyACart(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product mouse = shop.product("19.99", 10);
        Product cable = shop.product("5.00", 10);
        // tag::carts[]
        techzone.carts().add(customer.id(), mouse.id(), 1);
        techzone.carts().add(customer.id(), mouse.id(), 1);           // adds: 2 units
        techzone.carts().setQuantity(customer.id(), cable.id(), 5);   // sets: 5 units
        techzone.carts().remove(customer.id(), cable.id());           // false if it was not there
        List<CartItem> lines = techzone.carts().listForUser(customer.id());
        int emptied = techzone.carts().clear(customer.id());          // lines removed
        // end::carts[]
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.productId()).isEqualTo(mouse.id());
            assertThat(line.quantity()).isEqualTo(2);
        });
        assertThat(emptied).isEqualTo(1);
        assertThat(techzone.carts().listForUser(customer.id())).isEmpty();
    }

    @Test
    void shouldReadOrdersTheirItemsAndHistory(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product mouse = shop.product("20.00", 10);
        techzone.carts().add(customer.id(), mouse.id(), 2);
        long orderNumber = techzone.checkout().checkout(CheckoutRequest.of(customer.id())).order().orderNumber();
        UUID shippedId = techzone.orders().findByNumber(orderNumber).orElseThrow().id();
        techzone.orderLifecycle().transition(shippedId, OrderStatus.PROCESSING, null, null);
        techzone.orderLifecycle().transition(shippedId, OrderStatus.SHIPPED, null, "DHL 123");
        techzone.carts().add(customer.id(), mouse.id(), 1);
        UUID pendingId = techzone.checkout().checkout(CheckoutRequest.of(customer.id())).order().id();
        // tag::orders[]
        Order order = techzone.orders().findByNumber(orderNumber).orElseThrow();   // or findById(uuid)
        List<OrderItem> items = techzone.orderItems().listByOrder(order.id());    // name, SKU, price as sold
        List<OrderStatusChange> history = techzone.orderHistory().listByOrder(order.id());   // oldest first
        Page<Order> shipped = techzone.orders().listByUserAndStatus(customer.id(), OrderStatus.SHIPPED,
                SortOrder.NEWEST_FIRST, null, 20);
        Page<Order> toProcess = techzone.orders().listByStatus(OrderStatus.PENDING, null, 50);   // oldest first
        Map<OrderStatus, Long> counts = techzone.orders().countByStatus();
        // end::orders[]
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.sku()).isEqualTo(mouse.sku());
            assertThat(i.quantity()).isEqualTo(2);
            assertThat(i.lineTotal()).isEqualByComparingTo("40.00");
        });
        assertThat(history).extracting(OrderStatusChange::toStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.SHIPPED);
        assertThat(history.get(2).note()).isEqualTo("DHL 123");
        assertThat(shipped.items()).extracting(Order::id).containsExactly(order.id());
        assertThat(toProcess.items()).extracting(Order::id).contains(pendingId).doesNotContain(order.id());
        assertThat(counts.get(OrderStatus.SHIPPED)).isEqualTo(shop.count("SELECT count(*) FROM orders WHERE status = 'shipped'"));
        assertThat(counts.get(OrderStatus.PENDING)).isEqualTo(shop.count("SELECT count(*) FROM orders WHERE status = 'pending'"));
    }

    @Test
    void shouldBookConfirmAndCancelAndRefuseAnOverlap(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Service repair = shop.service();
        String refused = null;
        // tag::bookings[]
        Instant start = Instant.parse("2030-06-01T10:00:00Z");
        Booking booking = techzone.bookings().book(new NewBooking(repair.id(), customer.id(), "Ada Lovelace",
                "ada@shop.test", start, start.plus(Duration.ofMinutes(90)), "Cracked screen"));   // status pending
        techzone.bookings().confirm(booking.id());                    // empty unless it was pending
        NewBooking sameSlot = NewBooking.guest(repair.id(), "Grace", "grace@shop.test",
                start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(60)));
        try {
            techzone.bookings().book(sameSlot);
        } catch (BookingConflictException e) {                        // ex_bookings_no_overlap
            refused = "taken: " + e.startsAt();
        }
        techzone.bookings().cancel(booking.id());                     // frees the slot
        Booking guest = techzone.bookings().book(sameSlot);
        Page<Booking> mine = techzone.bookings().listForUser(customer.id(), null, 20);
        // end::bookings[]
        assertThat(refused).isEqualTo("taken: 2030-06-01T10:30:00Z");
        assertThat(guest.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(mine.items()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(booking.id());
            assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        });
        assertThat(techzone.bookings().listForService(repair.id(), start, start.plus(Duration.ofDays(1)), null, 20).items())
                .extracting(Booking::id).containsExactlyInAnyOrder(booking.id(), guest.id());
    }

    @Test
    void shouldModerateReviewsAndSummariseRatings(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product mouse = shop.product("19.99", 10);
        User spammer = shop.customer();
        Review spam = techzone.reviews().create(NewReview.ofProduct(spammer.id(), mouse.id(), 1, "Cheap watches", null));
        // tag::reviews[]
        Review review = techzone.reviews().create(NewReview.ofProduct(customer.id(), mouse.id(), 5, "Great mouse", null));
        Page<Review> queue = techzone.reviews().listAwaitingModeration(null, 50);      // oldest first
        techzone.reviews().approve(review.id());                       // only approved reviews are shown
        techzone.reviews().reject(spam.id());                          // deletes it
        Page<Review> shown = techzone.reviews().listApprovedForProduct(mouse.id(), null, 20);
        RatingSummary rating = techzone.reviews().ratingSummaryForProduct(mouse.id());   // approved ones
        // end::reviews[]
        assertThat(queue.items()).extracting(Review::id).contains(spam.id(), review.id());
        assertThat(techzone.reviews().findById(spam.id())).isEmpty();
        assertThat(shown.items()).extracting(Review::id).containsExactly(review.id());
        assertThat(rating.count()).isEqualTo(1);
        assertThat(rating.average()).isEqualByComparingTo("5");
        assertThat(rating.verifiedCount()).isZero();
        assertThat(techzone.reviews().listAwaitingModeration(null, 50).items()).extracting(Review::id)
                .doesNotContain(review.id());
    }

    @Test
    void shouldReceiveAndTriageContactMessages(DataSource dataSource) {
        Techzone techzone = Shop.on(dataSource).techzone();
        // tag::contacts[]
        ContactMessage sent = techzone.contacts().create(new NewContactMessage(null, "Grace Hopper",
                "Grace@Shop.test", "Invoice", "Please send my invoice again"));   // userId null: a guest
        Page<ContactMessage> inbox = techzone.contacts().listByStatus(ContactStatus.NEW, null, 50);   // oldest first
        techzone.contacts().changeStatus(sent.id(), ContactStatus.RESOLVED);   // or IN_PROGRESS, SPAM
        // end::contacts[]
        assertThat(sent.email()).isEqualTo("grace@shop.test");
        assertThat(inbox.items()).extracting(ContactMessage::id).contains(sent.id());
        assertThat(techzone.contacts().findById(sent.id()).orElseThrow().status()).isEqualTo(ContactStatus.RESOLVED);
        assertThat(techzone.contacts().listByStatus(ContactStatus.NEW, null, 50).items()).extracting(ContactMessage::id)
                .doesNotContain(sent.id());
    }

    @Test
    void shouldRebuildTheSalesReportsAndReadTheDashboard(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        techzone.carts().add(customer.id(), shop.product("30.00", 10).id(), 1);
        Order placed = techzone.checkout().checkout(CheckoutRequest.of(customer.id())).order();
        // tag::reports[]
        LocalDate today = LocalDate.now(ZoneOffset.UTC);              // periods are UTC calendar days
        SalesReport day = techzone.reports().rebuild(Granularity.DAY, today);
        SalesReport week = techzone.reports().rebuild(Granularity.WEEK, today);    // Monday to Sunday
        SalesReport month = techzone.reports().rebuild(Granularity.MONTH, today);
        List<SalesReport> lastWeek = techzone.reports().list(Granularity.DAY, today.minusDays(6), today.plusDays(1));
        DashboardCounts dashboard = techzone.reports().dashboard();   // counts as of now
        // end::reports[]
        assertThat(placed.createdAt().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(today);
        assertThat(day.periodStart()).isEqualTo(today);
        assertThat(week.periodStart().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(month.periodStart()).isEqualTo(today.withDayOfMonth(1));
        for (SalesReport report : List.of(day, week, month)) {
            String unit = report.granularity().name().toLowerCase(java.util.Locale.ROOT);
            String placedThisPeriod = "FROM orders WHERE status <> 'cancelled' AND created_at >= date_trunc('" + unit
                    + "', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";
            assertThat(report.ordersCount()).as(unit).isPositive().isEqualTo((int) shop.count("SELECT count(*) " + placedThisPeriod));
            BigDecimal gross = shop.withTables(h -> h.createQuery("SELECT coalesce(sum(total), 0) " + placedThisPeriod)
                    .mapTo(BigDecimal.class).one());
            assertThat(report.grossRevenue()).as(unit).isEqualByComparingTo(gross);
        }
        assertThat(day.grossRevenue()).isGreaterThanOrEqualTo(placed.total());
        assertThat(lastWeek).extracting(SalesReport::id).contains(day.id());
        assertThat(dashboard.pendingOrders()).isPositive()
                .isEqualTo(shop.count("SELECT count(*) FROM orders WHERE status = 'pending'"));
    }

    @Test
    void shouldRestockAdjustAndShowTheLedger(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        UUID staffId = shop.customer().id();
        Product mouse = shop.product("19.99", 10);
        Product soldOut = shop.product("5.00", 0);
        // tag::inventory[]
        InventoryLog received = techzone.inventory().restock(mouse.id(), 20, staffId);   // stock 10 -> 30
        InventoryLog dropped = techzone.inventory().adjust(mouse.id(), -2, "dropped in the warehouse", staffId);
        Page<InventoryLog> ledger = techzone.inventoryLogs().history(mouse.id(), null, 20);   // newest first
        List<Product> reorder = techzone.products().listLowStock(50);   // stock at or below its threshold
        // end::inventory[]
        assertThat(received.stockAfter()).isEqualTo(30);
        assertThat(dropped.stockAfter()).isEqualTo(28);
        assertThat(ledger.items()).extracting(InventoryLog::reason)
                .containsExactly(InventoryReason.ADJUSTMENT, InventoryReason.RESTOCK, InventoryReason.INITIAL);
        assertThat(techzone.products().findById(mouse.id()).orElseThrow().stock()).isEqualTo(28);
        assertThat(reorder).extracting(Product::id).contains(soldOut.id()).doesNotContain(mouse.id());
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @Test
    void shouldWorkOnAPoolTheHostBuilt(TestDatabase database) throws java.sql.SQLException {
        String jdbcUrl = database.jdbcUrl();
        String user = database.user();
        String password = database.password();
        // tag::own-pool[]
        HikariConfig config = new HikariConfig();                       // or the pool your framework builds
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.addDataSourceProperty("logServerErrorDetail", "false");  // no row values in driver messages
        config.addDataSourceProperty("ApplicationName", "shop-web");    // pg_stat_activity.application_name
        // behind PgBouncer in transaction pooling mode only:
        Pooler.TRANSACTION.driverProperties().forEach(config::addDataSourceProperty);
        HikariDataSource pool = new HikariDataSource(config);          // close it when the application stops
        Techzone techzone = Techzone.create(pool);
        // end::own-pool[]
        try (pool) {
            String applicationName = techzone.jdbi().withHandle(
                    h -> h.createQuery("SHOW application_name").mapTo(String.class).one());
            int prepareThreshold = techzone.jdbi().withHandle(
                    h -> h.getConnection().unwrap(org.postgresql.PGConnection.class).getPrepareThreshold());
            assertThat(applicationName).isEqualTo("shop-web");
            assertThat(prepareThreshold).isZero();
            techzone.products().create(new NewProduct(null, "OWN-POOL-1", "Hub", null, new BigDecimal("9.00"), 1, 0));
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> techzone.products()
                    .create(new NewProduct(null, "OWN-POOL-1", "Hub", null, new BigDecimal("9.00"), 1, 0)));
            assertThat(refused).isInstanceOf(ConstraintViolationException.class);
            assertThat(driverMessage(refused)).contains("uq_products_sku").doesNotContain("Detail");
        }
        assertThat(driverMessage(catchDuplicateSkuWithoutTheSetting(database))).contains("Detail");
    }

    /** The message of the pgjdbc exception under {@code e}. */
    private static String driverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException) {
                return t.getMessage();
            }
        }
        throw new AssertionError("no PSQLException under " + e);
    }

    /** The same refusal through a pool left on the driver's defaults: the detail is there. */
    private static Throwable catchDuplicateSkuWithoutTheSetting(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            return org.assertj.core.api.Assertions.catchThrowable(() -> Techzone.create(pool).products()
                    .create(new NewProduct(null, "OWN-POOL-1", "Hub", null, new BigDecimal("9.00"), 1, 0)));
        }
    }
}
