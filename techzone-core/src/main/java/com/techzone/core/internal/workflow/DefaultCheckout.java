package com.techzone.core.internal.workflow;

import com.techzone.core.ConstraintViolationException;
import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Money;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import com.techzone.core.internal.dao.OrderItemSql;
import com.techzone.core.internal.dao.OrderSql;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.inventory.Shortage;
import com.techzone.core.order.Checkout;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.EmptyCartException;
import com.techzone.core.order.IdempotencyKeyConflictException;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.TaxBase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link Checkout} the facade hands out. */
public final class DefaultCheckout implements Checkout {

    private static final String IDEMPOTENCY_INDEX = "uq_orders_idempotency_key";
    private static final String FINGERPRINT = "SELECT idempotency_fingerprint FROM <schema>.orders WHERE id = :orderId";
    private static final String CART_LINES = "SELECT product_id, quantity FROM <schema>.cart_items WHERE user_id = :userId";

    /** Read once: {@code Techzone.checkout()} makes a Checkout per call. */
    private static final String LOCK_CART = ClasspathSqlLocator.removingComments().locate(Checkout.class, "lockCart");
    private static final String PLACE_ORDER = ClasspathSqlLocator.removingComments().locate(Checkout.class, "placeOrder");

    private final SchemaJdbi jdbi;
    private final String lockCart = LOCK_CART;
    private final String placeOrder = PLACE_ORDER;

    /** @param jdbi the facade's Jdbi and schema; get one from {@link com.techzone.core.Techzone} */
    public DefaultCheckout(SchemaJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public CheckoutResult checkout(CheckoutRequest request) {
        Checks.notNull("request", request);
        try {
            return Transactions.inTransaction(jdbi, h -> run(h, request));
        } catch (ConstraintViolationException e) {
            if (request.idempotencyKey() != null && IDEMPOTENCY_INDEX.equals(e.constraint().orElse(null))) {
                // A concurrent checkout with the same key won the insert: return its order.
                return jdbi.withHandle(h -> replay(h, request).orElseThrow(() -> e));
            }
            throw e;
        }
    }

    @Override
    public CheckoutResult checkout(Handle handle, CheckoutRequest request) {
        Checks.notNull("handle", handle);
        Checks.notNull("request", request);
        return Transactions.inTransaction(jdbi, handle, h -> run(h, request));
    }

    private CheckoutResult run(Handle h, CheckoutRequest request) {
        Optional<CheckoutResult> earlier = replay(h, request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Line> lines = h.createQuery(lockCart)
                .bind("userId", request.userId())
                .map((rs, ctx) -> new Line(rs.getObject("product_id", UUID.class), rs.getString("sku"),
                        rs.getString("name"), rs.getBigDecimal("price"), rs.getInt("stock"),
                        rs.getBoolean("is_active"), rs.getInt("quantity")))
                .list();
        if (lines.isEmpty()) {
            // The first attempt with this key may have committed (and emptied the cart) meanwhile.
            return replay(h, request).orElseThrow(() -> new EmptyCartException(request.userId()));
        }
        List<Shortage> shortages = new ArrayList<>();
        for (Line line : lines) {
            int available = line.active() ? line.stock() : 0;
            if (line.quantity() > available) {
                shortages.add(new Shortage(line.productId(), line.sku(), line.quantity(), available));
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(shortages);
        }
        Totals totals = totals(request, lines);
        BigDecimal subtotal = totals.subtotal();
        BigDecimal tax = totals.tax();
        BigDecimal total = totals.total();
        Map<UUID, Integer> ordered = new HashMap<>();
        lines.forEach(line -> ordered.put(line.productId(), line.quantity()));
        UUID orderId = Uuids.v7();
        List<UUID> itemIds = new ArrayList<>();
        List<UUID> logIds = new ArrayList<>();
        List<UUID> productIds = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (Line line : lines) {
            itemIds.add(Uuids.v7());
            logIds.add(Uuids.v7());
            productIds.add(line.productId());
            quantities.add(line.quantity());
            prices.add(line.price().toPlainString());
            names.add(line.name());
            skus.add(line.sku());
        }
        Order order = h.createQuery(placeOrder)
                .bind("orderId", orderId)
                .bind("userId", request.userId())
                .bind("currency", request.currency())
                .bind("subtotal", subtotal)
                .bind("tax", tax)
                .bind("shipping", request.shipping())
                .bind("discount", request.discount())
                .bind("total", total)
                .bind("shippingAddress", request.shippingAddress())
                .bind("idempotencyKey", request.idempotencyKey())
                .bind("idempotencyFingerprint",
                        request.idempotencyKey() == null ? null : RequestFingerprint.of(request, ordered))
                .bind("historyId", Uuids.v7())
                // Java arrays, not bindArray(name, type, list): that builds a generic List<T> type on every call.
                .bind("itemIds", itemIds.toArray(new UUID[0]))
                .bind("logIds", logIds.toArray(new UUID[0]))
                .bind("productIds", productIds.toArray(new UUID[0]))
                .bind("quantities", quantities.toArray(new Integer[0]))
                .bind("prices", prices.toArray(new String[0]))
                .bind("names", names.toArray(new String[0]))
                .bind("skus", skus.toArray(new String[0]))
                .mapTo(Order.class)
                .one();
        List<OrderItem> items = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            items.add(new OrderItem(itemIds.get(i), orderId, line.productId(), line.name(), line.sku(), line.price(),
                    line.quantity(), line.price().multiply(BigDecimal.valueOf(line.quantity())), order.createdAt()));
        }
        return new CheckoutResult(order, items, false);
    }

    /**
     * The order this request's key placed before, if any.
     *
     * @throws IdempotencyKeyConflictException if that order was placed for a different request
     */
    private static Optional<CheckoutResult> replay(Handle h, CheckoutRequest request) {
        if (request.idempotencyKey() == null) {
            return Optional.empty();
        }
        Optional<Order> earlier = h.attach(OrderSql.class).byIdempotencyKey(request.userId(), request.idempotencyKey());
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Order order = earlier.get();
        List<OrderItem> items = h.attach(OrderItemSql.class).byOrder(order.id());
        String stored = h.createQuery(FINGERPRINT).bind("orderId", order.id()).mapTo(String.class).findOne().orElse(null);
        if (stored != null) {
            Map<UUID, Integer> lines = new HashMap<>();
            h.createQuery(CART_LINES).bind("userId", request.userId())
                    .map((rs, ctx) -> Map.entry(rs.getObject("product_id", UUID.class), rs.getInt("quantity")))
                    .forEach(line -> lines.put(line.getKey(), line.getValue()));
            if (lines.isEmpty()) {
                // The first attempt emptied the cart: this is its retry, asking for what it ordered.
                items.stream().filter(item -> item.productId() != null)
                        .forEach(item -> lines.merge(item.productId(), item.quantity(), Integer::sum));
            }
            if (!stored.equals(RequestFingerprint.of(request, lines))) {
                throw new IdempotencyKeyConflictException(request.idempotencyKey(), request.userId(), order.id(),
                        order.orderNumber());
            }
        }
        return Optional.of(new CheckoutResult(order, items, true));
    }

    /**
     * The order's amounts, each in the currency's minor units: the prices copied into the lines
     * must be (a product priced 1234.56 cannot be sold in JPY); tax is rounded HALF_EVEN to the
     * currency's decimal places, on the base the request names.
     */
    private static Totals totals(CheckoutRequest request, List<Line> lines) {
        int decimals = Money.decimals("currency", request.currency());
        BigDecimal subtotal = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.price().stripTrailingZeros().scale() > decimals) {
                throw new InvalidInputException("currency", request.currency() + " has " + decimals
                        + " decimal places, but product " + line.sku() + " (" + line.productId() + ") is priced "
                        + line.price().toPlainString() + "; reprice it or check out in another currency");
            }
            subtotal = subtotal.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
        }
        BigDecimal base = request.taxBase() == TaxBase.AFTER_DISCOUNT
                ? subtotal.subtract(request.discount()).max(BigDecimal.ZERO)
                : subtotal;
        BigDecimal tax = Money.round(base.multiply(request.taxRate()), decimals);
        BigDecimal beforeDiscount = subtotal.add(tax).add(request.shipping());
        BigDecimal total = Money.round(beforeDiscount.subtract(request.discount()), decimals);
        if (total.signum() < 0) {
            throw new InvalidInputException("discount", "must not exceed subtotal + tax + shipping ("
                    + beforeDiscount.toPlainString() + "), was " + request.discount());
        }
        return new Totals(Money.round(subtotal, decimals), tax, total);
    }

    private record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    /** One cart line with its locked product. */
    private record Line(UUID productId, String sku, String name, BigDecimal price, int stock, boolean active, int quantity) {
    }
}
