package com.techzone.core.cart;

import java.time.Instant;
import java.util.UUID;

/**
 * One product in a user's cart; a cart holds each product at most once.
 *
 * @param id the key
 * @param userId whose cart
 * @param productId which product
 * @param quantity how many units, 1..10000
 * @param createdAt when the product was first put in the cart
 * @param updatedAt when the quantity last changed
 */
public record CartItem(UUID id, UUID userId, UUID productId, int quantity, Instant createdAt, Instant updatedAt) {
}
