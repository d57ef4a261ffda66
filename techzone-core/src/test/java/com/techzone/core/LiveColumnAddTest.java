package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.booking.Booking;
import com.techzone.core.booking.BookingDao;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.cart.CartDao;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.catalog.Service;
import com.techzone.core.catalog.ServiceDao;
import com.techzone.core.contact.ContactDao;
import com.techzone.core.contact.ContactMessage;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.inventory.InventoryLogDao;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderDao;
import com.techzone.core.order.OrderItemDao;
import com.techzone.core.order.OrderStatusHistoryDao;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.Review;
import com.techzone.core.review.ReviewDao;
import com.techzone.core.user.User;
import com.techzone.core.user.UserDao;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A column added to a live table (a later migration, or a host's own {@code ALTER TABLE}) must not
 * fail the library's statements already prepared on the server. A server-prepared {@code SELECT *}
 * or {@code RETURNING *} changes its result type when a column is added, and PostgreSQL then refuses
 * it once per connection ("cached plan must not change result type"); naming the columns keeps the
 * result type, and the statement is simply re-planned.
 */
class LiveColumnAddTest {

    /** {@code SELECT *}, {@code RETURNING *}, {@code SELECT t.*}: a result shape that follows the table. */
    private static final Pattern STAR_RESULT = Pattern.compile("(?i)\\b(?:SELECT|RETURNING)\\s+(?:\\w+\\.)?\\*");

    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.get().createMigratedDatabase();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void shouldKeepServingPreparedStatementsOnOneConnectionAfterAColumnIsAddedToEveryTable() {
        Shop shop = Shop.on(database.dataSource());
        Techzone tz = shop.techzone();
        Category category = shop.category();
        Product product = shop.product(category, "10.00", 50);
        Product sold = shop.product("5.00", 50);
        Service service = shop.service();
        User buyer = shop.customer();
        tz.carts().add(buyer.id(), product.id(), 1);
        Order order = tz.checkout().checkout(CheckoutRequest.of(buyer.id())).order();
        Review review = tz.reviews().create(new NewReview(buyer.id(), product.id(), null, 5, "Good", "Works"));
        Booking booking = tz.bookings().book(new NewBooking(service.id(), buyer.id(), "Buyer", "buyer@shop.test",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), null));
        ContactMessage message = tz.contacts().create(new NewContactMessage(buyer.id(), "B", "b@shop.test", "Hi", "Hello"));

        try (Handle held = tz.jdbi().open()) {
            List<Supplier<Object>> calls = callsOn(tz, held, category, product, service, buyer, order, review, booking, message);
            // pgjdbc prepares a statement on the server from its 5th execution (prepareThreshold=5).
            // Inside a transaction, as a checkout runs: there pgjdbc cannot re-prepare and retry for us.
            List<Object> before = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                before.clear();
                held.useTransaction(h -> {
                    calls.forEach(call -> before.add(call.get()));
                    buy(tz, h, buyer, sold);
                });
            }

            for (String table : List.of("users", "categories", "products", "services", "cart_items", "orders",
                    "order_items", "order_status_history", "inventory_logs", "reviews", "bookings", "contacts")) {
                database.execute("ALTER TABLE public." + table + " ADD COLUMN added_live integer");
            }

            List<Object> after = new ArrayList<>();
            held.useTransaction(h -> calls.forEach(call -> after.add(call.get())));
            assertThat(after).isEqualTo(before);
            // Writes whose RETURNING was prepared before the change, on the same connection.
            Order placed = held.inTransaction(h -> buy(tz, h, buyer, sold));
            assertThat(placed.total()).isEqualByComparingTo("5.00");
            assertThat(tz.products().findById(sold.id()).orElseThrow().stock()).isEqualTo(50 - 7);
        }
    }

    private static Order buy(Techzone tz, Handle h, User buyer, Product product) {
        assertThat(tz.attach(h, CartDao.class).setQuantity(buyer.id(), product.id(), 1).quantity()).isEqualTo(1);
        return tz.checkout().checkout(h, CheckoutRequest.of(buyer.id())).order();
    }

    private static List<Supplier<Object>> callsOn(Techzone tz, Handle held, Category category, Product product,
            Service service, User buyer, Order order, Review review, Booking booking, ContactMessage message) {
        UserDao users = tz.attach(held, UserDao.class);
        CategoryDao categories = tz.attach(held, CategoryDao.class);
        ProductDao products = tz.attach(held, ProductDao.class);
        ServiceDao services = tz.attach(held, ServiceDao.class);
        CartDao carts = tz.attach(held, CartDao.class);
        OrderDao orders = tz.attach(held, OrderDao.class);
        OrderItemDao items = tz.attach(held, OrderItemDao.class);
        OrderStatusHistoryDao history = tz.attach(held, OrderStatusHistoryDao.class);
        InventoryLogDao ledger = tz.attach(held, InventoryLogDao.class);
        ReviewDao reviews = tz.attach(held, ReviewDao.class);
        BookingDao bookings = tz.attach(held, BookingDao.class);
        ContactDao contacts = tz.attach(held, ContactDao.class);
        return List.of(
                () -> users.findById(buyer.id()),
                () -> categories.findById(category.id()),
                () -> products.findById(product.id()),
                () -> products.listActiveByCategory(category.id(), null, 10).items(),
                () -> services.findById(service.id()),
                () -> carts.listForUser(buyer.id()),
                () -> orders.findById(order.id()),
                () -> items.listByOrder(order.id()),
                () -> history.listByOrder(order.id()),
                () -> ledger.listByOrder(order.id()),
                () -> reviews.findById(review.id()),
                () -> bookings.findById(booking.id()),
                () -> contacts.findById(message.id()));
    }

    @Test
    void shouldNameTheColumnsOfEveryResultInTheLibrarysSql() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                        .forEach(f -> offenders.addAll(starResults(f)));
            }
        }
        assertThat(offenders).as("statements whose result follows the table's columns").isEmpty();
        assertThat(STAR_RESULT.matcher("SELECT l.* FROM inventory_logs l").find()).isTrue();
        assertThat(STAR_RESULT.matcher("INSERT INTO t VALUES (1) RETURNING *").find()).isTrue();
        assertThat(STAR_RESULT.matcher("SELECT count(*) FROM orders").find()).isFalse();
    }

    private static List<String> starResults(Path file) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                boolean comment = line.startsWith("*") || line.startsWith("//") || line.startsWith("/*") || line.startsWith("--");
                if (!comment && STAR_RESULT.matcher(line).find()) {
                    found.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
