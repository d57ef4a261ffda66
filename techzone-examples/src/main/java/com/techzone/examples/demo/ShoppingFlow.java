package com.techzone.examples.demo;

import com.techzone.core.Page;
import com.techzone.core.Techzone;
import com.techzone.core.booking.Booking;
import com.techzone.core.booking.BookingConflictException;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.report.Granularity;
import com.techzone.core.report.SalesReport;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.Review;
import com.techzone.core.user.Role;
import com.techzone.core.user.User;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A shopping flow on the sample catalog of the health report (2 users, 8 products, 6 services and
 * their categories), told step by step for a newcomer: browse, cart, checkout, status moves to
 * delivery, a review and its approval, a booking and a refused overlapping one, a refused order for
 * too much stock, and the day's sales report. Every run adds its own catalog (names carry a run
 * tag), so it can run repeatedly on one database.
 */
public final class ShoppingFlow {

    /**
     * What the flow did, for tests and callers that want more than the printout.
     *
     * @param order the order placed, in its final status
     * @param ordersOfCustomer orders the customer has (the retried checkout must not add one)
     * @param laptopStockAfter the laptop's stock after the sale (it started at 5, one was sold)
     * @param booking the booking that was made
     * @param overlapRefused whether the overlapping booking was refused
     * @param oversellRefused whether the order for too much stock was refused
     * @param report the day's sales report
     */
    public record Outcome(Order order, long ordersOfCustomer, int laptopStockAfter, Booking booking,
                          boolean overlapRefused, boolean oversellRefused, SalesReport report) {
    }

    private ShoppingFlow() {
    }

    /** Runs the flow on a migrated database and prints it to {@code out}. */
    public static Outcome run(DataSource dataSource, PrintWriter out) {
        Techzone tz = Techzone.create(dataSource);
        String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        out.printf("A shopping flow through the techzone-core API (run tag %s).%n", tag);

        // The sample catalog: 4 categories, 8 products, 6 services, 2 users.
        Category laptops = tz.categories().create(new NewCategory("Laptops", "laptops-" + tag, null));
        Category audio = tz.categories().create(new NewCategory("Audio", "audio-" + tag, null));
        Category smartHome = tz.categories().create(new NewCategory("Smart Home", "smart-home-" + tag, null));
        Category support = tz.categories().create(new NewCategory("Setup & Repair", "setup-repair-" + tag, null));
        List<Product> products = new ArrayList<>();
        products.add(product(tz, laptops, "LAP-14-" + tag, "UltraBook 14", "1199.00", 5));
        products.add(product(tz, laptops, "LAP-16-" + tag, "ProBook 16", "1899.00", 3));
        products.add(product(tz, audio, "HP-NC-" + tag, "Noise-Cancelling Headphones", "249.99", 20));
        products.add(product(tz, audio, "SPK-BT-" + tag, "Bluetooth Speaker", "89.50", 15));
        products.add(product(tz, audio, "EAR-" + tag, "Wireless Earbuds", "129.00", 25));
        products.add(product(tz, smartHome, "BULB-" + tag, "Smart Bulb", "14.99", 40));
        products.add(product(tz, smartHome, "PLUG-" + tag, "Smart Plug", "19.99", 30));
        products.add(product(tz, smartHome, "HUB-" + tag, "Home Hub", "99.00", 8));
        Product laptop = products.get(0);
        Product headphones = products.get(2);
        Product bulb = products.get(5);
        List<Service> services = new ArrayList<>();
        for (String[] s : new String[][] {{"Laptop setup", "79.00", "60"}, {"Data transfer", "49.00", "45"},
                {"Screen repair", "149.00", "120"}, {"Home Wi-Fi setup", "99.00", "60"},
                {"Smart home install", "129.00", "90"}, {"Speaker tuning", "39.00", "30"}}) {
            services.add(tz.services().create(new NewService(support.id(), s[0], null, new BigDecimal(s[1]),
                    Integer.parseInt(s[2]))));
        }
        Service wifi = services.get(3);
        User ann = tz.accounts().register("ann." + tag + "@example.com", ("demo-" + UUID.randomUUID()).toCharArray(),
                "Ann Customer", Role.USER);
        User ben = tz.accounts().register("ben." + tag + "@example.com", ("demo-" + UUID.randomUUID()).toCharArray(),
                "Ben Admin", Role.ADMIN);
        out.printf("Catalog: 4 categories, %d products, %d services; users %s (customer) and %s (admin).%n",
                products.size(), services.size(), ann.email(), ben.email());

        step(out, "Browse: active laptops, first page of 5");
        Page<Product> page = tz.products().listActiveByCategory(laptops.id(), null, 5);
        page.items().forEach(p -> out.printf("  %-12s %-28s %9s  stock %d%n", p.sku(), p.name(), p.price(), p.stock()));

        step(out, "Cart: Ann adds 1 UltraBook 14 and 2 headphones");
        tz.carts().add(ann.id(), laptop.id(), 1);
        tz.carts().add(ann.id(), headphones.id(), 2);
        tz.carts().listForUser(ann.id()).forEach(i -> out.printf("  %-28s x %d%n",
                tz.products().findById(i.productId()).map(Product::name).orElse("?"), i.quantity()));

        step(out, "Checkout: 8% tax, 4.99 shipping, idempotency key; then the same request again");
        CheckoutRequest request = CheckoutRequest.of(ann.id()).withIdempotencyKey("demo-" + tag)
                .withShippingAddress("1 Demo Street, Springfield").withTaxRate(new BigDecimal("0.08"))
                .withShipping(new BigDecimal("4.99"));
        CheckoutResult placed = tz.checkout().checkout(request);
        Order order = placed.order();
        for (OrderItem item : placed.items()) {
            out.printf("  %-28s %2d x %9s = %9s%n", item.productName(), item.quantity(), item.price(), item.lineTotal());
        }
        out.printf("  Order #%d: subtotal %s, tax %s, shipping %s, total %s %s%n", order.orderNumber(), order.subtotal(),
                order.tax(), order.shipping(), order.total(), order.currency());
        CheckoutResult retried = tz.checkout().checkout(request);
        out.printf("  Retried checkout returned order #%d again (replayed: %s); the cart is now empty: %s%n",
                retried.order().orderNumber(), retried.replayed(), tz.carts().listForUser(ann.id()).isEmpty());

        step(out, "Status: processing, shipped, delivered (each move writes history)");
        for (OrderStatus next : List.of(OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
            order = tz.orderLifecycle().transition(order.id(), next, ben.id(), null);
        }
        tz.orderHistory().listByOrder(order.id()).forEach(h -> out.printf("  %-10s -> %s%n",
                h.fromStatus() == null ? "(placed)" : h.fromStatus(), h.toStatus()));

        step(out, "Review: Ann rates the headphones, Ben approves");
        Review review = tz.reviews().create(NewReview.ofProduct(ann.id(), headphones.id(), 5, "Quiet bliss",
                "Great on trains."));
        tz.reviews().approve(review.id());
        RatingSummary summary = tz.reviews().ratingSummaryForProduct(headphones.id());
        out.printf("  %s: %d approved review(s), average %s%n", headphones.name(), summary.count(), summary.average());

        step(out, "Booking: Ann books Home Wi-Fi setup; a guest asks for an overlapping slot");
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        Booking booking = tz.bookings().book(new NewBooking(wifi.id(), ann.id(), ann.fullName(), ann.email(), start,
                start.plus(60, ChronoUnit.MINUTES), "Second floor"));
        out.printf("  Booked %s to %s%n", booking.startsAt(), booking.endsAt());
        boolean overlapRefused = false;
        try {
            tz.bookings().book(NewBooking.guest(wifi.id(), "Guest Visitor", "guest." + tag + "@example.com",
                    start.plus(30, ChronoUnit.MINUTES), start.plus(90, ChronoUnit.MINUTES)));
        } catch (BookingConflictException e) {
            overlapRefused = true;
            out.printf("  Refused: %s (constraint %s)%n", e.getMessage(), e.constraint().orElse("?"));
        }

        step(out, "A refused order: Ben wants 999 smart bulbs");
        tz.carts().add(ben.id(), bulb.id(), 999);
        boolean oversellRefused = false;
        try {
            tz.checkout().checkout(CheckoutRequest.of(ben.id()));
        } catch (InsufficientStockException e) {
            oversellRefused = true;
            out.printf("  Refused: %s; nothing was written.%n", e.getMessage());
        }

        step(out, "Today's sales report (rebuilt idempotently)");
        SalesReport report = tz.reports().rebuild(Granularity.DAY, LocalDate.now(ZoneOffset.UTC));
        out.printf("  %s: %d order(s), %d item(s), gross %s, refunds %s, net %s, average %s%n", report.periodStart(),
                report.ordersCount(), report.itemsSold(), report.grossRevenue(), report.refunds(), report.netRevenue(),
                report.averageOrderValue());
        out.flush();

        long ordersOfAnn = tz.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM orders WHERE user_id = :u")
                .bind("u", ann.id()).mapTo(Long.class).one());
        int laptopStock = tz.products().findById(laptop.id()).orElseThrow().stock();
        return new Outcome(order, ordersOfAnn, laptopStock, booking, overlapRefused, oversellRefused, report);
    }

    private static Product product(Techzone tz, Category category, String sku, String name, String price, int stock) {
        return tz.products().create(new NewProduct(category.id(), sku, name, null, new BigDecimal(price), stock, 5));
    }

    private static void step(PrintWriter out, String title) {
        out.println();
        out.println("-- " + title);
    }
}
