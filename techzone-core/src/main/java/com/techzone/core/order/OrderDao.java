package com.techzone.core.order;

import com.techzone.core.Page;
import com.techzone.core.SortOrder;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The {@code orders} table. Orders are created only by {@link Checkout} and change status only
 * through {@link OrderLifecycle}, which keep items, stock, ledger and history consistent; they are
 * never deleted.
 */
public interface OrderDao {

    /** The order with this id, if any. */
    @SqlQuery("SELECT * FROM <schema>.orders WHERE id = :id")
    Optional<Order> findById(UUID id);

    /** The order with this human-facing number, if any. */
    @SqlQuery("SELECT * FROM <schema>.orders WHERE order_number = :orderNumber")
    Optional<Order> findByNumber(long orderNumber);

    /** The order a user's checkout with this idempotency key created, if any (index {@code uq_orders_idempotency_key}). */
    @SqlQuery("SELECT * FROM <schema>.orders WHERE idempotency_key = :idempotencyKey AND user_id = :userId")
    Optional<Order> findByIdempotencyKey(UUID userId, String idempotencyKey);

    /**
     * A user's orders in one status (index {@code idx_orders_user_status}).
     *
     * @param order newest or oldest first
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<Order> listByUserAndStatus(UUID userId, OrderStatus status, SortOrder order, String cursor, int pageSize) {
        Checks.notNull("userId", userId);
        Checks.notNull("status", status);
        Checks.notNull("order", order);
        int limit = Keyset.fetchSize(pageSize);
        List<Order> rows;
        if (order == SortOrder.NEWEST_FIRST) {
            Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
            rows = byUserAndStatusNewestBefore(userId, status, after.key(), after.id(), limit);
        } else {
            Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
            rows = byUserAndStatusOldestAfter(userId, status, after.key(), after.id(), limit);
        }
        return Keyset.page(rows, pageSize, Order::id, Order::createdAt);
    }

    /** The keyset query behind {@link #listByUserAndStatus} newest first. */
    @SqlQuery("""
            SELECT * FROM <schema>.orders
            WHERE user_id = :userId AND status = :status::<schema>.order_status
              AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Order> byUserAndStatusNewestBefore(UUID userId, OrderStatus status, String afterCreatedAt, UUID afterId, int limit);

    /** The keyset query behind {@link #listByUserAndStatus} oldest first. */
    @SqlQuery("""
            SELECT * FROM <schema>.orders
            WHERE user_id = :userId AND status = :status::<schema>.order_status
              AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Order> byUserAndStatusOldestAfter(UUID userId, OrderStatus status, String afterCreatedAt, UUID afterId, int limit);

    /**
     * All orders in one status, oldest first: a fulfilment queue (index {@code idx_orders_status}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<Order> listByStatus(OrderStatus status, String cursor, int pageSize) {
        Checks.notNull("status", status);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(byStatusAfter(status, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Order::id, Order::createdAt);
    }

    /**
     * The keyset query behind {@link #listByStatus}. The redundant {@code (status, created_at) >= ...}
     * is an index condition only {@code idx_orders_status} can serve: without it the planner walks
     * {@code idx_orders_created_at} from the oldest order filtering on status (it assumes open orders
     * are spread evenly over time; they are all recent), reading most of the table.
     */
    @SqlQuery("""
            SELECT * FROM <schema>.orders
            WHERE status = :status::<schema>.order_status AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
              AND (status, created_at) >= (:status::<schema>.order_status, :afterCreatedAt::timestamptz)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Order> byStatusAfter(OrderStatus status, String afterCreatedAt, UUID afterId, int limit);

    /** How many orders are in each status; every status is present, with 0 where none are. */
    default Map<OrderStatus, Long> countByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            counts.put(s, 0L);
        }
        for (StatusCount c : statusCounts()) {
            counts.put(c.status(), c.count());
        }
        return counts;
    }

    /** The query behind {@link #countByStatus}: only statuses that have orders. */
    @SqlQuery("SELECT status, count(*) AS count FROM <schema>.orders GROUP BY status")
    List<StatusCount> statusCounts();

    /**
     * The number of orders in one status.
     *
     * @param status which status
     * @param count how many orders are in it
     */
    record StatusCount(OrderStatus status, long count) {
    }

    /**
     * Changes where an order goes, while it has not shipped (pending, on hold, processing, layaway).
     *
     * @param shippingAddress at most 1000 characters, or null
     * @return the updated order, empty if none has this id or it has shipped already
     */
    default Optional<Order> changeShippingAddress(UUID id, String shippingAddress) {
        Checks.optionalText("shippingAddress", shippingAddress, 0, 1000);
        return updateShippingAddress(id, shippingAddress);
    }

    /** The update behind {@link #changeShippingAddress}. */
    @SqlQuery("""
            UPDATE <schema>.orders SET shipping_address = :shippingAddress
            WHERE id = :id AND status IN ('pending', 'on_hold', 'processing', 'layaway')
            RETURNING *""")
    Optional<Order> updateShippingAddress(UUID id, String shippingAddress);
}
