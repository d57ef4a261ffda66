package com.techzone.core.order;

import java.util.List;
import java.util.UUID;

/**
 * Reads {@code order_items}; lines are written by {@link Checkout} only, never changed.
 * Every method refuses a null argument with an {@link com.techzone.core.InvalidInputException} naming
 * it, before any SQL runs.
 */
public interface OrderItemDao {

    /** The lines of an order, in product id order (index {@code idx_order_items_order_id}). */
    List<OrderItem> listByOrder(UUID orderId);

    /** How many units of a product were ever ordered, cancelled orders excluded. */
    long unitsOrdered(UUID productId);
}
