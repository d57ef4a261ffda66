package com.techzone.core.internal.dao;

import com.techzone.core.internal.Checks;
import com.techzone.core.order.OrderStatusChange;
import com.techzone.core.order.OrderStatusHistoryDao;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SqlObject behind {@link OrderStatusHistoryDao}: its checks, then its SQL. */
public interface OrderStatusHistorySql extends OrderStatusHistoryDao {

    @Override
    default List<OrderStatusChange> listByOrder(UUID orderId) {
        return byOrder(Checks.notNull("orderId", orderId));
    }

    @SqlQuery("""
            SELECT id, order_id, from_status, to_status, changed_by, note, created_at, restocked
            FROM <schema>.order_status_history
            WHERE order_id = :orderId
            ORDER BY seq NULLS FIRST, created_at, id""")
    List<OrderStatusChange> byOrder(UUID orderId);
}
