package com.techzone.core.order;

import java.util.List;

/**
 * The order a checkout placed (or had placed before, for a retried idempotency key).
 *
 * @param order the order
 * @param items its lines, in product id order
 * @param replayed true if no new order was placed because the idempotency key had been used
 */
public record CheckoutResult(Order order, List<OrderItem> items, boolean replayed) {

    /** Copies {@code items}. */
    public CheckoutResult {
        items = List.copyOf(items);
    }
}
