package com.techzone.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A product of the catalogue.
 *
 * @param id the key
 * @param categoryId its category, or null if uncategorised
 * @param sku stock keeping unit, unique, 1..64 characters
 * @param name display name, 1..200 characters
 * @param description optional text, at most 5000 characters
 * @param price unit price, positive, 2 decimals
 * @param stock units on hand, never negative; changed only through the inventory ledger
 * @param lowStockThreshold at or below this stock the product is listed as low on stock
 * @param active whether it is sold; inactive products stay for order history
 * @param version optimistic-lock version, incremented by every {@link ProductDao#update update}
 * @param createdAt when it was created
 * @param updatedAt when it was last changed (stock changes included)
 */
public record Product(UUID id, UUID categoryId, String sku, String name, String description, BigDecimal price,
                      int stock, int lowStockThreshold, @ColumnName("is_active") boolean active, int version,
                      Instant createdAt, Instant updatedAt) {
}
