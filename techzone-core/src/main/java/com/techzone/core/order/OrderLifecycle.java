package com.techzone.core.order;

import com.techzone.core.NotFoundException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Moves orders between statuses, only along the moves {@link OrderStatus} allows. Each move locks
 * the order, writes the new status and an {@code order_status_history} row in one transaction;
 * moving to {@link OrderStatus#CANCELLED} or {@link OrderStatus#REFUNDED} also puts the units back
 * into stock through the ledger (reasons {@code cancellation} / {@code refund}), locking products in
 * id order like checkout does. A refused move changes nothing. Deadlocks are retried. Get one from
 * {@link com.techzone.core.Techzone#orderLifecycle()}.
 */
public final class OrderLifecycle {

    private static final String LOCK_ORDER = "SELECT status FROM orders WHERE id = :orderId FOR UPDATE";

    private static final String LOCK_PRODUCTS = """
            SELECT id FROM products
            WHERE id IN (SELECT product_id FROM order_items WHERE order_id = :orderId)
            ORDER BY id
            FOR UPDATE""";

    private static final String RETURN_STOCK = """
            WITH returned AS (
                SELECT product_id, sum(quantity)::int AS quantity
                FROM order_items
                WHERE order_id = :orderId AND product_id IS NOT NULL
                GROUP BY product_id
            ), restocked AS (
                UPDATE products p SET stock = p.stock + r.quantity
                FROM returned r
                WHERE p.id = r.product_id
                RETURNING p.id, p.stock, r.quantity
            )
            INSERT INTO inventory_logs (product_id, change, reason, stock_after, order_id, created_by, created_at)
            SELECT id, quantity, :reason, stock, :orderId, :changedBy, clock_timestamp() FROM restocked""";

    private static final String MOVE = """
            WITH moved AS (
                UPDATE orders SET status = :to::order_status WHERE id = :orderId RETURNING *
            ), history AS (
                INSERT INTO order_status_history (id, order_id, from_status, to_status, changed_by, note)
                VALUES (:historyId, :orderId, :from::order_status, :to::order_status, :changedBy, :note)
            )
            SELECT * FROM moved""";

    private final Jdbi jdbi;

    /** @param jdbi a Jdbi configured by {@link com.techzone.core.Techzone} */
    public OrderLifecycle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Moves the order to {@code to}.
     *
     * @param changedBy who made the change (staff or customer), or null
     * @param note why, at most 5000 characters, or null
     * @return the order in its new status
     * @throws NotFoundException if no order has this id
     * @throws IllegalStatusTransitionException if its current status does not lead to {@code to}
     */
    public Order transition(UUID orderId, OrderStatus to, UUID changedBy, String note) {
        validate(orderId, to, note);
        return Transactions.inTransaction(jdbi, h -> move(h, orderId, to, changedBy, note));
    }

    /** {@link #transition(UUID, OrderStatus, UUID, String)} inside the transaction {@code handle} holds (joined, not retried). */
    public Order transition(Handle handle, UUID orderId, OrderStatus to, UUID changedBy, String note) {
        Checks.notNull("handle", handle);
        validate(orderId, to, note);
        return Transactions.inTransaction(handle, h -> move(h, orderId, to, changedBy, note));
    }

    /** Cancels the order and returns its units to stock; see {@link #transition}. */
    public Order cancel(UUID orderId, UUID changedBy, String note) {
        return transition(orderId, OrderStatus.CANCELLED, changedBy, note);
    }

    /** Refunds a delivered order and returns its units to stock; see {@link #transition}. */
    public Order refund(UUID orderId, UUID changedBy, String note) {
        return transition(orderId, OrderStatus.REFUNDED, changedBy, note);
    }

    private static void validate(UUID orderId, OrderStatus to, String note) {
        Checks.notNull("orderId", orderId);
        Checks.notNull("to", to);
        Checks.optionalText("note", note, 0, 5000);
    }

    private static Order move(Handle h, UUID orderId, OrderStatus to, UUID changedBy, String note) {
        OrderStatus from = h.createQuery(LOCK_ORDER).bind("orderId", orderId).mapTo(OrderStatus.class).findOne()
                .orElseThrow(() -> new NotFoundException("order", orderId));
        if (!from.canMoveTo(to)) {
            throw new IllegalStatusTransitionException(orderId, from, to);
        }
        if (to.returnsStock()) {
            h.createQuery(LOCK_PRODUCTS).bind("orderId", orderId).mapTo(UUID.class).list();
            h.createUpdate(RETURN_STOCK)
                    .bind("orderId", orderId)
                    .bind("reason", to == OrderStatus.CANCELLED ? "cancellation" : "refund")
                    .bind("changedBy", changedBy)
                    .execute();
        }
        return h.createQuery(MOVE)
                .bind("orderId", orderId)
                .bind("from", from)
                .bind("to", to)
                .bind("historyId", Uuids.v7())
                .bind("changedBy", changedBy)
                .bind("note", note)
                .mapTo(Order.class)
                .one();
    }
}
