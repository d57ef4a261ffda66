package com.techzone.core.order;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads {@code order_items}; lines are written by {@link Checkout} only, never changed. */
public interface OrderItemDao {

    /** The lines of an order, in product id order (index {@code idx_order_items_order_id}). */
    @SqlQuery("SELECT * FROM <schema>.order_items WHERE order_id = :orderId ORDER BY product_id, id")
    List<OrderItem> listByOrder(UUID orderId);

    /** How many units of a product were ever ordered, cancelled orders excluded. */
    @SqlQuery("""
            SELECT coalesce(sum(i.quantity), 0) FROM <schema>.order_items i JOIN <schema>.orders o ON o.id = i.order_id
            WHERE i.product_id = :productId AND o.status <> 'cancelled'""")
    long unitsOrdered(UUID productId);
}
