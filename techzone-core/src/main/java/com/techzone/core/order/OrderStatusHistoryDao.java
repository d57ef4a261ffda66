package com.techzone.core.order;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads {@code order_status_history}; rows are written by {@link Checkout} and {@link OrderLifecycle} only. */
public interface OrderStatusHistoryDao {

    /** An order's status changes, oldest first, starting with its placement (index {@code idx_order_status_history_order_id}). */
    @SqlQuery("SELECT * FROM <schema>.order_status_history WHERE order_id = :orderId ORDER BY created_at, id")
    List<OrderStatusChange> listByOrder(UUID orderId);
}
