package com.techzone.core.cart;

import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Uuids;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code cart_items} table: each user's cart. Checkout ({@link com.techzone.core.order.Checkout})
 * turns a cart into an order and empties it.
 */
public interface CartDao {

    /** The most units of one product a cart line may hold ({@code chk_cart_items_quantity_positive}). */
    int MAX_QUANTITY = 10_000;

    /**
     * Puts {@code quantity} units of a product in the user's cart, adding to the units already there.
     *
     * @return the cart line after the change
     * @throws com.techzone.core.InvalidInputException if quantity is not 1..{@value #MAX_QUANTITY}
     * @throws com.techzone.core.ConstraintViolationException {@code fk_cart_items_user_id} /
     *         {@code fk_cart_items_product_id} for an unknown user or product,
     *         {@code chk_cart_items_quantity_positive} if the sum exceeds {@value #MAX_QUANTITY}
     */
    default CartItem add(UUID userId, UUID productId, int quantity) {
        Checks.notNull("userId", userId);
        Checks.notNull("productId", productId);
        Checks.between("quantity", quantity, 1, MAX_QUANTITY);
        return upsertAdding(Uuids.v7(), userId, productId, quantity);
    }

    /** The upsert behind {@link #add}. */
    @SqlQuery("""
            INSERT INTO <schema>.cart_items (id, user_id, product_id, quantity)
            VALUES (:id, :userId, :productId, :quantity)
            ON CONFLICT ON CONSTRAINT uq_cart_items_user_product
            DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity
            RETURNING *""")
    CartItem upsertAdding(UUID id, UUID userId, UUID productId, int quantity);

    /**
     * Sets the units of a product in the cart, adding the line if missing.
     *
     * @throws com.techzone.core.InvalidInputException if quantity is not 1..{@value #MAX_QUANTITY}
     */
    default CartItem setQuantity(UUID userId, UUID productId, int quantity) {
        Checks.notNull("userId", userId);
        Checks.notNull("productId", productId);
        Checks.between("quantity", quantity, 1, MAX_QUANTITY);
        return upsertSetting(Uuids.v7(), userId, productId, quantity);
    }

    /** The upsert behind {@link #setQuantity}. */
    @SqlQuery("""
            INSERT INTO <schema>.cart_items (id, user_id, product_id, quantity)
            VALUES (:id, :userId, :productId, :quantity)
            ON CONFLICT ON CONSTRAINT uq_cart_items_user_product
            DO UPDATE SET quantity = EXCLUDED.quantity
            RETURNING *""")
    CartItem upsertSetting(UUID id, UUID userId, UUID productId, int quantity);

    /** Takes a product out of the cart; returns whether it was there. */
    @SqlUpdate("DELETE FROM <schema>.cart_items WHERE user_id = :userId AND product_id = :productId")
    boolean remove(UUID userId, UUID productId);

    /** The user's cart, oldest line first (index {@code uq_cart_items_user_product}). */
    @SqlQuery("SELECT * FROM <schema>.cart_items WHERE user_id = :userId ORDER BY created_at, id")
    List<CartItem> listForUser(UUID userId);

    /** Empties the user's cart; returns how many lines were removed. */
    @SqlUpdate("DELETE FROM <schema>.cart_items WHERE user_id = :userId")
    int clear(UUID userId);

    /**
     * Removes abandoned cart lines created before {@code cutoff}, at most {@code batchSize} per call
     * (index {@code idx_cart_items_created_at}); call until it returns 0.
     *
     * @return how many lines were removed
     */
    default int purgeAbandoned(Instant cutoff, int batchSize) {
        Checks.notNull("cutoff", cutoff);
        Checks.between("batchSize", batchSize, 1, 100_000);
        return deleteCreatedBefore(cutoff, batchSize);
    }

    /** The delete behind {@link #purgeAbandoned}. */
    @SqlUpdate("""
            DELETE FROM <schema>.cart_items WHERE id IN (
                SELECT id FROM <schema>.cart_items WHERE created_at < :cutoff ORDER BY created_at LIMIT :batchSize)""")
    int deleteCreatedBefore(Instant cutoff, int batchSize);
}
