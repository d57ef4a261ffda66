package com.techzone.core.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an order, with the product's name, SKU and price as they were at checkout.
 *
 * @param id the key
 * @param orderId the order
 * @param productId the product, or null if it was deleted since
 * @param productName name at checkout
 * @param sku SKU at checkout
 * @param price unit price at checkout
 * @param quantity units, positive
 * @param lineTotal price times quantity
 * @param createdAt when the line was written
 */
public record OrderItem(UUID id, UUID orderId, UUID productId, String productName, String sku, BigDecimal price,
                        int quantity, BigDecimal lineTotal, Instant createdAt) {
}
