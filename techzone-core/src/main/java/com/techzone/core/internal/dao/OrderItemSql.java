package com.techzone.core.internal.dao;

import com.techzone.core.internal.Checks;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.OrderItemDao;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SqlObject behind {@link OrderItemDao}: its checks, then its SQL. */
public interface OrderItemSql extends OrderItemDao {

    @Override
    default List<OrderItem> listByOrder(UUID orderId) {
        return byOrder(Checks.notNull("orderId", orderId));
    }

    @SqlQuery("""
            SELECT id, order_id, product_id, product_name, sku, price, quantity, line_total, created_at
            FROM <schema>.order_items
            WHERE order_id = :orderId
            ORDER BY product_id, id""")
    List<OrderItem> byOrder(UUID orderId);

    @Override
    default long unitsOrdered(UUID productId) {
        return unitsOrderedOf(Checks.notNull("productId", productId));
    }

    @SqlQuery("""
            SELECT coalesce(sum(i.quantity), 0) FROM <schema>.order_items i JOIN <schema>.orders o ON o.id = i.order_id
            WHERE i.product_id = :productId AND o.status <> 'cancelled'""")
    long unitsOrderedOf(UUID productId);
}
