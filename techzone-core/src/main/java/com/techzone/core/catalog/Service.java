package com.techzone.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A bookable service (installation, repair, consultation).
 *
 * @param id the key
 * @param categoryId its category, or null
 * @param name display name, 1..200 characters
 * @param description optional text, at most 5000 characters
 * @param price price of one booking, positive
 * @param durationMinutes how long one booking lasts, positive
 * @param active whether it can be booked
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Service(UUID id, UUID categoryId, String name, String description, BigDecimal price,
                      int durationMinutes, @ColumnName("is_active") boolean active, Instant createdAt, Instant updatedAt) {
}
