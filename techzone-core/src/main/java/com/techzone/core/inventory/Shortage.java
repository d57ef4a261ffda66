package com.techzone.core.inventory;

import java.util.UUID;

/**
 * A product of which fewer units are available than were asked for.
 *
 * @param productId the product
 * @param sku its SKU, or null if unknown
 * @param requested units asked for
 * @param available units on hand (0 for a product that is no longer sold)
 */
public record Shortage(UUID productId, String sku, int requested, int available) {
}
