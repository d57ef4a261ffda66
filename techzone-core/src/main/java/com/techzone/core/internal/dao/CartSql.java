package com.techzone.core.internal.dao;

import com.techzone.core.cart.CartDao;
import com.techzone.core.cart.CartItem;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Uuids;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SqlObject behind {@link CartDao}: its checks, then its SQL. */
public interface CartSql extends CartDao {

    @Override
    default CartItem add(UUID userId, UUID productId, int quantity) {
        Checks.notNull("userId", userId);
        Checks.notNull("productId", productId);
        Checks.between("quantity", quantity, 1, MAX_QUANTITY);
        return upsertAdding(Uuids.v7(), userId, productId, quantity);
    }

    @SqlQuery("""
            INSERT INTO <schema>.cart_items (id, user_id, product_id, quantity)
            VALUES (:id, :userId, :productId, :quantity)
            ON CONFLICT ON CONSTRAINT uq_cart_items_user_product
            DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity
            RETURNING id, user_id, product_id, quantity, created_at, updated_at""")
    CartItem upsertAdding(UUID id, UUID userId, UUID productId, int quantity);

    @Override
    default CartItem setQuantity(UUID userId, UUID productId, int quantity) {
        Checks.notNull("userId", userId);
        Checks.notNull("productId", productId);
        Checks.between("quantity", quantity, 1, MAX_QUANTITY);
        return upsertSetting(Uuids.v7(), userId, productId, quantity);
    }

    @SqlQuery("""
            INSERT INTO <schema>.cart_items (id, user_id, product_id, quantity)
            VALUES (:id, :userId, :productId, :quantity)
            ON CONFLICT ON CONSTRAINT uq_cart_items_user_product
            DO UPDATE SET quantity = EXCLUDED.quantity
            RETURNING id, user_id, product_id, quantity, created_at, updated_at""")
    CartItem upsertSetting(UUID id, UUID userId, UUID productId, int quantity);

    @Override
    default boolean remove(UUID userId, UUID productId) {
        Checks.notNull("userId", userId);
        Checks.notNull("productId", productId);
        return deleteLine(userId, productId);
    }

    @SqlUpdate("DELETE FROM <schema>.cart_items WHERE user_id = :userId AND product_id = :productId")
    boolean deleteLine(UUID userId, UUID productId);

    @Override
    default List<CartItem> listForUser(UUID userId) {
        return byUser(Checks.notNull("userId", userId));
    }

    @SqlQuery("""
            SELECT id, user_id, product_id, quantity, created_at, updated_at
            FROM <schema>.cart_items
            WHERE user_id = :userId
            ORDER BY created_at, id""")
    List<CartItem> byUser(UUID userId);

    @Override
    default int clear(UUID userId) {
        return deleteByUser(Checks.notNull("userId", userId));
    }

    @SqlUpdate("DELETE FROM <schema>.cart_items WHERE user_id = :userId")
    int deleteByUser(UUID userId);

    @Override
    default int purgeAbandoned(Instant cutoff, int batchSize) {
        Checks.notNull("cutoff", cutoff);
        Checks.between("batchSize", batchSize, 1, MAX_PURGE_BATCH);
        return deleteCreatedBefore(cutoff, batchSize);
    }

    @SqlUpdate("""
            DELETE FROM <schema>.cart_items WHERE id IN (
                SELECT id FROM <schema>.cart_items WHERE created_at < :cutoff ORDER BY created_at LIMIT :batchSize)""")
    int deleteCreatedBefore(Instant cutoff, int batchSize);
}
