package com.techzone.core.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order. Amounts are numeric(12,2); {@code total = subtotal + tax + shipping - discount}.
 *
 * @param id the key
 * @param orderNumber a short, increasing number for people (receipts, support)
 * @param userId who ordered
 * @param status where it stands
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param subtotal sum of the line totals
 * @param tax tax amount
 * @param shipping shipping amount
 * @param discount discount amount
 * @param total what the customer pays
 * @param shippingAddress where it goes, or null
 * @param idempotencyKey the key the checkout was made with, or null
 * @param createdAt when it was placed
 * @param updatedAt when it last changed
 */
public record Order(UUID id, long orderNumber, UUID userId, OrderStatus status, String currency, BigDecimal subtotal,
                    BigDecimal tax, BigDecimal shipping, BigDecimal discount, BigDecimal total, String shippingAddress,
                    String idempotencyKey, Instant createdAt, Instant updatedAt) {
}
