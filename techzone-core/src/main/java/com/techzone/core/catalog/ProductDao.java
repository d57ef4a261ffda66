package com.techzone.core.catalog;

import com.techzone.core.NotFoundException;
import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import com.techzone.core.SortOrder;
import com.techzone.core.StaleVersionException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code products} table. Products are deactivated, never deleted (order lines and the stock
 * ledger refer to them). Stock is changed only through {@link com.techzone.core.inventory.Inventory}
 * and checkout, which keep the ledger; {@link #update} edits everything else under optimistic
 * locking. Every method refuses a null argument (but a {@code cursor}) with an
 * {@link com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface ProductDao {

    /**
     * Creates a product; a positive initial stock is recorded in the ledger (reason {@code initial})
     * in the same statement.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code uq_products_sku} if the SKU is
     *         taken, {@code fk_products_category_id} if the category does not exist
     */
    Product create(NewProduct product);

    /**
     * Creates many products in one batch (one round trip with the pool's {@code reWriteBatchedInserts}),
     * each with its initial ledger row. All or none: run it in a transaction of your own, or rely on
     * this method's.
     *
     * @return how many products were created
     */
    int createAll(List<NewProduct> products);

    /** The product with this id, active or not. */
    Optional<Product> findById(UUID id);

    /** The product with this SKU (exact match), active or not. */
    Optional<Product> findBySku(String sku);

    /**
     * Writes {@code changes} if the product still has {@code expectedVersion}, and increments the version.
     *
     * @return the updated product
     * @throws NotFoundException if no product has this id
     * @throws StaleVersionException if someone updated it since the caller read {@code expectedVersion}
     * @throws com.techzone.core.InvalidInputException naming {@code id} or {@code changes} if null, or {@code expectedVersion}
     *     if negative (versions start at 0)
     */
    Product update(UUID id, int expectedVersion, ProductChanges changes);

    /** Takes the product off sale; returns whether it was active before. Orders and the ledger keep it. */
    boolean deactivate(UUID id);

    /** Puts a deactivated product back on sale; returns whether it was inactive before. */
    boolean reactivate(UUID id);

    /**
     * Active products of one category in name order (index {@code idx_products_category_active}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    Page<Product> listActiveByCategory(UUID categoryId, String cursor, int pageSize);

    /**
     * The whole active catalogue by creation time (index {@code idx_products_active_only}).
     *
     * @param order newest or oldest first
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    Page<Product> listActive(SortOrder order, String cursor, int pageSize);

    /**
     * Active products at or below their low-stock threshold, emptiest first (index
     * {@code idx_products_low_stock}); at most {@code limit} of them, 1..{@value Page#MAX_PAGE_SIZE}.
     */
    List<Product> listLowStock(int limit);

    /**
     * Hands every product, active or not, in id order to {@code sink}, streaming from a server-side
     * cursor (1000 rows per fetch) inside one read transaction; the connection is released when this
     * method returns or throws.
     *
     * @return how many products were exported
     */
    long exportAll(Consumer<? super Product> sink);

    /**
     * Every product in id order, as a lazy stream holding a connection until it is closed: close it
     * (try-with-resources), or prefer {@link #exportAll}. Rows are fetched 1000 at a time only inside
     * a transaction (PostgreSQL uses cursors only when autocommit is off).
     */
    Stream<Product> streamAll();
}
