package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.SortOrder;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderDao;
import com.techzone.core.order.OrderStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SqlObject behind {@link OrderDao}: its checks, then its SQL. */
public interface OrderSql extends OrderDao {

    @Override
    default Optional<Order> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM <schema>.orders
            WHERE id = :id""")
    Optional<Order> byId(UUID id);

    @Override
    default Optional<Order> findByNumber(long orderNumber) {
        return byNumber(Checks.positive("orderNumber", orderNumber));
    }

    @SqlQuery("""
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM <schema>.orders
            WHERE order_number = :orderNumber""")
    Optional<Order> byNumber(long orderNumber);

    @Override
    default Optional<Order> findByIdempotencyKey(UUID userId, String idempotencyKey) {
        Checks.notNull("userId", userId);
        Checks.notNull("idempotencyKey", idempotencyKey);
        return byIdempotencyKey(userId, idempotencyKey);
    }

    @SqlQuery("""
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM <schema>.orders
            WHERE idempotency_key = :idempotencyKey AND user_id = :userId""")
    Optional<Order> byIdempotencyKey(UUID userId, String idempotencyKey);

    @Override
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

    @SqlQuery("""
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM <schema>.orders
            WHERE user_id = :userId AND status = :status::<schema>.order_status
              AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Order> byUserAndStatusNewestBefore(UUID userId, OrderStatus status, String afterCreatedAt, UUID afterId, int limit);

    @SqlQuery("""
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM <schema>.orders
            WHERE user_id = :userId AND status = :status::<schema>.order_status
              AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Order> byUserAndStatusOldestAfter(UUID userId, OrderStatus status, String afterCreatedAt, UUID afterId, int limit);

    @Override
    default Page<Order> listByStatus(OrderStatus status, String cursor, int pageSize) {
        Checks.notNull("status", status);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(byStatusAfter(status, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Order::id, Order::createdAt);
    }

    /**
     * The redundant {@code (status, created_at) >= ...} is an index condition only
     * {@code idx_orders_status} can serve: without it the planner walks {@code idx_orders_created_at}
     * from the oldest order filtering on status (it assumes open orders are spread evenly over time;
     * they are all recent), reading most of the table.
     */
    @SqlQuery("""
            SELECT id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                   total, shipping_address, idempotency_key, created_at, updated_at
            FROM <schema>.orders
            WHERE status = :status::<schema>.order_status AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
              AND (status, created_at) >= (:status::<schema>.order_status, :afterCreatedAt::timestamptz)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Order> byStatusAfter(OrderStatus status, String afterCreatedAt, UUID afterId, int limit);

    @Override
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

    /** Only the statuses that have orders. */
    @SqlQuery("SELECT status, count(*) AS count FROM <schema>.orders GROUP BY status")
    List<StatusCount> statusCounts();

    @Override
    default Optional<Order> changeShippingAddress(UUID id, String shippingAddress) {
        Checks.notNull("id", id);
        Checks.optionalText("shippingAddress", shippingAddress, 0, 1000);
        return updateShippingAddress(id, shippingAddress);
    }

    @SqlQuery("""
            UPDATE <schema>.orders SET shipping_address = :shippingAddress
            WHERE id = :id AND status IN ('pending', 'on_hold', 'processing', 'layaway')
            RETURNING id, order_number, user_id, status, currency, subtotal, tax, shipping, discount,
                      total, shipping_address, idempotency_key, created_at, updated_at""")
    Optional<Order> updateShippingAddress(UUID id, String shippingAddress);
}
