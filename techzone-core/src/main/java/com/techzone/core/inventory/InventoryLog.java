package com.techzone.core.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the stock ledger: for every product, the sum of {@code change} equals its stock.
 *
 * @param id the key
 * @param productId the product whose stock changed
 * @param change units added (positive) or removed (negative), never zero
 * @param reason why
 * @param stockAfter the product's stock right after this change, never negative
 * @param orderId the order that caused it (sale, cancellation, refund), else null
 * @param note free text, or null
 * @param createdBy the user who made the change, or null
 * @param createdAt when
 */
public record InventoryLog(UUID id, UUID productId, int change, InventoryReason reason, int stockAfter, UUID orderId,
                           String note, UUID createdBy, Instant createdAt) {
}
