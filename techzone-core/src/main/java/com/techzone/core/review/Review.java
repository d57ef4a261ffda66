package com.techzone.core.review;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A review of one product or one service (exactly one of {@code productId}, {@code serviceId} is set).
 *
 * @param id the key
 * @param userId the author
 * @param productId the product reviewed, or null
 * @param serviceId the service reviewed, or null
 * @param rating 1..5
 * @param title at most 200 characters, or null
 * @param body at most 5000 characters, or null
 * @param approved whether a moderator approved it; only approved reviews are shown and counted
 * @param approvedAt when it was approved, null while not approved
 * @param createdAt when it was written
 * @param updatedAt when it last changed
 * @param verifiedPurchase whether, when it was written, the author had a delivered order with the
 *        product (or a completed booking of the service); false for reviews written before schema
 *        version 8
 */
public record Review(UUID id, UUID userId, UUID productId, UUID serviceId, int rating, String title, String body,
                     @ColumnName("is_approved") boolean approved, Instant approvedAt, Instant createdAt, Instant updatedAt,
                     boolean verifiedPurchase) {
}
