package com.techzone.core.internal.workflow;

import com.techzone.core.NotFoundException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import com.techzone.core.order.IllegalStatusTransitionException;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderLifecycle;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.order.Restock;
import org.jdbi.v3.core.Handle;
import java.util.UUID;

/** The {@link OrderLifecycle} the facade hands out. */
public final class DefaultOrderLifecycle implements OrderLifecycle {

    private static final String LOCK_ORDER = "SELECT status FROM <schema>.orders WHERE id = :orderId FOR UPDATE";

    private static final String LOCK_PRODUCTS = """
            SELECT id FROM <schema>.products
            WHERE id IN (SELECT product_id FROM <schema>.order_items WHERE order_id = :orderId)
            ORDER BY id
            FOR UPDATE""";

    private static final String RETURN_STOCK = """
            WITH returned AS (
                SELECT product_id, sum(quantity)::int AS quantity
                FROM <schema>.order_items
                WHERE order_id = :orderId AND product_id IS NOT NULL
                GROUP BY product_id
            ), restocked AS (
                UPDATE <schema>.products p SET stock = p.stock + r.quantity
                FROM returned r
                WHERE p.id = r.product_id
                RETURNING p.id, p.stock, r.quantity
            )
            INSERT INTO <schema>.inventory_logs (product_id, change, reason, stock_after, order_id, created_by, created_at)
            SELECT id, quantity, :reason, stock, :orderId, :changedBy, clock_timestamp() FROM restocked""";

    private static final String MOVE = """
            WITH moved AS (
                UPDATE <schema>.orders SET status = :to::<schema>.order_status WHERE id = :orderId
                RETURNING id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                          total, shipping_address, idempotency_key, created_at, updated_at
            ), history AS (
                INSERT INTO <schema>.order_status_history (id, order_id, from_status, to_status, changed_by, note, restocked)
                VALUES (:historyId, :orderId, :from::<schema>.order_status, :to::<schema>.order_status, :changedBy, :note, :restocked)
            )
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM moved""";

    private final SchemaJdbi jdbi;

    /** @param jdbi the facade's Jdbi and schema; get one from {@link com.techzone.core.Techzone} */
    public DefaultOrderLifecycle(SchemaJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Order transition(UUID orderId, OrderStatus to, UUID changedBy, String note) {
        validate(orderId, to, note);
        return Transactions.inTransaction(jdbi, h -> move(h, orderId, to, changedBy, note, Restock.RESTOCK));
    }

    @Override
    public Order transition(Handle handle, UUID orderId, OrderStatus to, UUID changedBy, String note) {
        Checks.notNull("handle", handle);
        validate(orderId, to, note);
        return Transactions.inTransaction(jdbi, handle, h -> move(h, orderId, to, changedBy, note, Restock.RESTOCK));
    }

    @Override
    public Order cancel(UUID orderId, UUID changedBy, String note) {
        return transition(orderId, OrderStatus.CANCELLED, changedBy, note);
    }

    @Override
    public Order refund(UUID orderId, UUID changedBy, String note) {
        return refund(orderId, changedBy, note, Restock.RESTOCK);
    }

    @Override
    public Order refund(UUID orderId, UUID changedBy, String note, Restock restock) {
        validate(orderId, OrderStatus.REFUNDED, note);
        Checks.notNull("restock", restock);
        return Transactions.inTransaction(jdbi, h -> move(h, orderId, OrderStatus.REFUNDED, changedBy, note, restock));
    }

    @Override
    public Order refund(Handle handle, UUID orderId, UUID changedBy, String note, Restock restock) {
        Checks.notNull("handle", handle);
        validate(orderId, OrderStatus.REFUNDED, note);
        Checks.notNull("restock", restock);
        return Transactions.inTransaction(jdbi, handle, h -> move(h, orderId, OrderStatus.REFUNDED, changedBy, note, restock));
    }

    private static void validate(UUID orderId, OrderStatus to, String note) {
        Checks.notNull("orderId", orderId);
        Checks.notNull("to", to);
        Checks.optionalText("note", note, 0, 5000);
    }

    private static Order move(Handle h, UUID orderId, OrderStatus to, UUID changedBy, String note, Restock restock) {
        OrderStatus from = h.createQuery(LOCK_ORDER).bind("orderId", orderId).mapTo(OrderStatus.class).findOne()
                .orElseThrow(() -> new NotFoundException("order", orderId));
        if (!from.canMoveTo(to)) {
            throw new IllegalStatusTransitionException(orderId, from, to);
        }
        boolean restocks = to.returnsStock() && (to == OrderStatus.CANCELLED || restock == Restock.RESTOCK);
        if (restocks) {
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
                .bind("restocked", to.returnsStock() ? Boolean.valueOf(restocks) : null)
                .mapTo(Order.class)
                .one();
    }
}
