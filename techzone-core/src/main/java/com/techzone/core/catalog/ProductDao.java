package com.techzone.core.catalog;

import com.techzone.core.NotFoundException;
import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import com.techzone.core.SortOrder;
import com.techzone.core.StaleVersionException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The {@code products} table. Products are deactivated, never deleted (order lines and the stock
 * ledger refer to them). Stock is changed only through {@link com.techzone.core.inventory.Inventory}
 * and checkout, which keep the ledger; {@link #update} edits everything else under optimistic
 * locking. Long SQL sits in {@code com/techzone/core/catalog/ProductDao/<method>.sql}.
 */
public interface ProductDao {

    /**
     * Creates a product; a positive initial stock is recorded in the ledger (reason {@code initial})
     * in the same statement.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code uq_products_sku} if the SKU is
     *         taken, {@code fk_products_category_id} if the category does not exist
     */
    default Product create(NewProduct product) {
        return insert(Uuids.v7(), Uuids.v7(), product);
    }

    /** The statement behind {@link #create}, with the product and ledger ids chosen by the caller. */
    @UseClasspathSqlLocator
    @SqlQuery
    Product insert(UUID id, UUID logId, @BindMethods("p") NewProduct product);

    /**
     * Creates many products in one batch (one round trip with the pool's {@code reWriteBatchedInserts}),
     * each with its initial ledger row. All or none: run it in a transaction of your own, or rely on
     * this method's.
     *
     * @return how many products were created
     */
    @Transaction
    default int createAll(List<NewProduct> products) {
        Checks.notNull("products", products);
        List<UUID> ids = new ArrayList<>(products.size());
        List<UUID> logIds = new ArrayList<>(products.size());
        for (NewProduct p : products) {
            Checks.notNull("products[]", p);
            ids.add(Uuids.v7());
            logIds.add(Uuids.v7());
        }
        insertBatch(ids, logIds, products);
        return products.size();
    }

    /** The batch behind {@link #createAll}; the three lists run in step. */
    @UseClasspathSqlLocator
    @SqlBatch
    void insertBatch(@Bind("id") List<UUID> ids, @Bind("logId") List<UUID> logIds, @BindMethods("p") List<NewProduct> products);

    /** The product with this id, active or not. */
    @SqlQuery("SELECT * FROM <schema>.products WHERE id = :id")
    Optional<Product> findById(UUID id);

    /** The product with this SKU (exact match), active or not. */
    @SqlQuery("SELECT * FROM <schema>.products WHERE sku = :sku")
    Optional<Product> findBySku(String sku);

    /**
     * Writes {@code changes} if the product still has {@code expectedVersion}, and increments the version.
     *
     * @return the updated product
     * @throws NotFoundException if no product has this id
     * @throws StaleVersionException if someone updated it since the caller read {@code expectedVersion}
     */
    default Product update(UUID id, int expectedVersion, ProductChanges changes) {
        Checks.notNull("id", id);
        Checks.notNull("changes", changes);
        return updateIfVersion(id, expectedVersion, changes).orElseThrow(() -> {
            Product current = findById(id).orElseThrow(() -> new NotFoundException("product", id));
            return new StaleVersionException("product", id, expectedVersion, current.version());
        });
    }

    /** The compare-and-set behind {@link #update}: empty if the id or the version did not match. */
    @SqlQuery("""
            UPDATE <schema>.products
            SET category_id = :c.categoryId, name = :c.name, description = :c.description,
                price = :c.price, low_stock_threshold = :c.lowStockThreshold, version = version + 1
            WHERE id = :id AND version = :expectedVersion
            RETURNING *""")
    Optional<Product> updateIfVersion(UUID id, int expectedVersion, @BindMethods("c") ProductChanges changes);

    /** Takes the product off sale; returns whether it was active before. Orders and the ledger keep it. */
    @SqlUpdate("UPDATE <schema>.products SET is_active = false WHERE id = :id AND is_active")
    boolean deactivate(UUID id);

    /** Puts a deactivated product back on sale; returns whether it was inactive before. */
    @SqlUpdate("UPDATE <schema>.products SET is_active = true WHERE id = :id AND NOT is_active")
    boolean reactivate(UUID id);

    /**
     * Active products of one category in name order (index {@code idx_products_category_active}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    default Page<Product> listActiveByCategory(UUID categoryId, String cursor, int pageSize) {
        Checks.notNull("categoryId", categoryId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TEXT);
        return Keyset.page(activeByCategoryAfter(categoryId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Product::id, Product::name);
    }

    /** The keyset query behind {@link #listActiveByCategory}. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.products
            WHERE category_id = :categoryId AND is_active AND (name, id) > (:afterName, :afterId)
            ORDER BY name, id
            LIMIT :limit""")
    List<Product> activeByCategoryAfter(UUID categoryId, String afterName, UUID afterId, int limit);

    /**
     * The whole active catalogue by creation time (index {@code idx_products_active_only}).
     *
     * @param order newest or oldest first
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    default Page<Product> listActive(SortOrder order, String cursor, int pageSize) {
        Checks.notNull("order", order);
        int limit = Keyset.fetchSize(pageSize);
        List<Product> rows;
        if (order == SortOrder.NEWEST_FIRST) {
            Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
            rows = activeNewestBefore(after.key(), after.id(), limit);
        } else {
            Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
            rows = activeOldestAfter(after.key(), after.id(), limit);
        }
        return Keyset.page(rows, pageSize, Product::id, Product::createdAt);
    }

    /** The keyset query behind {@link #listActive} newest first. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.products
            WHERE is_active AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Product> activeNewestBefore(String afterCreatedAt, UUID afterId, int limit);

    /** The keyset query behind {@link #listActive} oldest first. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.products
            WHERE is_active AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Product> activeOldestAfter(String afterCreatedAt, UUID afterId, int limit);

    /**
     * Active products at or below their low-stock threshold, emptiest first (index
     * {@code idx_products_low_stock}); at most {@code limit} of them, 1..{@value Page#MAX_PAGE_SIZE}.
     */
    default List<Product> listLowStock(int limit) {
        return lowStock(Checks.between("limit", limit, 1, Page.MAX_PAGE_SIZE));
    }

    /** The query behind {@link #listLowStock}. */
    @SqlQuery("""
            SELECT * FROM <schema>.products
            WHERE stock <= low_stock_threshold AND is_active
            ORDER BY stock, id
            LIMIT :limit""")
    List<Product> lowStock(int limit);

    /**
     * Hands every product, active or not, in id order to {@code sink}, streaming from a server-side
     * cursor (1000 rows per fetch) inside one read transaction; the connection is released when this
     * method returns or throws.
     *
     * @return how many products were exported
     */
    @Transaction
    default long exportAll(Consumer<? super Product> sink) {
        Checks.notNull("sink", sink);
        long[] count = {0};
        try (Stream<Product> rows = streamAll()) {
            rows.forEach(p -> {
                sink.accept(p);
                count[0]++;
            });
        }
        return count[0];
    }

    /**
     * Every product in id order, as a lazy stream holding a connection until it is closed: close it
     * (try-with-resources), or prefer {@link #exportAll}. Rows are fetched 1000 at a time only inside
     * a transaction (PostgreSQL uses cursors only when autocommit is off).
     */
    @SqlQuery("SELECT * FROM <schema>.products ORDER BY id")
    @FetchSize(1000)
    Stream<Product> streamAll();
}
