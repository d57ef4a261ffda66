package com.techzone.core.order;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of an order's status history.
 *
 * @param id the key
 * @param orderId the order
 * @param fromStatus the status before, null for the first row (order placed)
 * @param toStatus the status after
 * @param changedBy who made the change, or null
 * @param note why, or null
 * @param createdAt when
 * @param restocked on a cancellation or refund: whether its units went back into stock; null on
 *        other moves (and on moves made before schema version 8)
 */
public record OrderStatusChange(UUID id, UUID orderId, OrderStatus fromStatus, OrderStatus toStatus, UUID changedBy,
                                String note, Instant createdAt, Boolean restocked) {
}
