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
 */
public record OrderStatusChange(UUID id, UUID orderId, OrderStatus fromStatus, OrderStatus toStatus, UUID changedBy,
                                String note, Instant createdAt) {
}
