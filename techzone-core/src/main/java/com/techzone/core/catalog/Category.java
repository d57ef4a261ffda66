package com.techzone.core.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A category shared by products and services.
 *
 * @param id the key
 * @param name display name, 1..200 characters
 * @param slug URL key, lowercase words joined by hyphens, unique
 * @param description optional text, at most 5000 characters; null if none
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Category(UUID id, String name, String slug, String description, Instant createdAt, Instant updatedAt) {
}
