package com.techzone.core.cart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code cart_items} table: each user's cart. Checkout ({@link com.techzone.core.order.Checkout})
 * turns a cart into an order and empties it. Get it from {@link com.techzone.core.Techzone#carts()};
 * every method refuses a null argument with an {@link com.techzone.core.InvalidInputException}
 * naming it, before any SQL runs.
 */
public interface CartDao {

    /** The most units of one product a cart line may hold ({@code chk_cart_items_quantity_positive}). */
    int MAX_QUANTITY = 10_000;

    /** The most lines {@link #purgeAbandoned} removes per call. */
    int MAX_PURGE_BATCH = 100_000;

    /**
     * Puts {@code quantity} units of a product in the user's cart, adding to the units already there.
     *
     * @return the cart line after the change
     * @throws com.techzone.core.InvalidInputException if quantity is not 1..{@value #MAX_QUANTITY}
     * @throws com.techzone.core.ConstraintViolationException {@code fk_cart_items_user_id} /
     *         {@code fk_cart_items_product_id} for an unknown user or product,
     *         {@code chk_cart_items_quantity_positive} if the sum exceeds {@value #MAX_QUANTITY}
     */
    CartItem add(UUID userId, UUID productId, int quantity);

    /**
     * Sets the units of a product in the cart, adding the line if missing.
     *
     * @throws com.techzone.core.InvalidInputException if quantity is not 1..{@value #MAX_QUANTITY}
     */
    CartItem setQuantity(UUID userId, UUID productId, int quantity);

    /** Takes a product out of the cart; returns whether it was there. */
    boolean remove(UUID userId, UUID productId);

    /** The user's cart, oldest line first (index {@code uq_cart_items_user_product}). */
    List<CartItem> listForUser(UUID userId);

    /** Empties the user's cart; returns how many lines were removed. */
    int clear(UUID userId);

    /**
     * Removes abandoned cart lines created before {@code cutoff}, at most {@code batchSize} per call
     * (index {@code idx_cart_items_created_at}); call until it returns 0.
     *
     * @return how many lines were removed
     * @throws com.techzone.core.InvalidInputException if batchSize is not 1..{@value #MAX_PURGE_BATCH}
     */
    int purgeAbandoned(Instant cutoff, int batchSize);
}
