package com.techzone.core.order;

import java.util.List;
import java.util.UUID;

/**
 * Reads {@code order_status_history}; rows are written by {@link Checkout} and {@link OrderLifecycle} only.
 * Every method refuses a null argument with an {@link com.techzone.core.InvalidInputException} naming
 * it, before any SQL runs.
 */
public interface OrderStatusHistoryDao {

    /**
     * An order's status changes, oldest first, starting with its placement (index
     * {@code idx_order_status_history_order_id}). Oldest first means in the order they were written
     * ({@code seq}, migration V7), so two moves made in one transaction, which share
     * {@code created_at}, still list in their order; rows written before V7 have no {@code seq}
     * and come first, by time.
     */
    List<OrderStatusChange> listByOrder(UUID orderId);
}
