package com.techzone.core.internal.dao;

import com.techzone.core.NotFoundException;
import com.techzone.core.Page;
import com.techzone.core.SortOrder;
import com.techzone.core.StaleVersionException;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductChanges;
import com.techzone.core.catalog.ProductDao;
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
 * The SqlObject behind {@link ProductDao}: its checks, then its SQL. Long SQL sits in
 * {@code com/techzone/core/internal/dao/ProductSql/<method>.sql}.
 */
public interface ProductSql extends ProductDao {

    @Override
    default Product create(NewProduct product) {
        return insert(Uuids.v7(), Uuids.v7(), Checks.notNull("product", product));
    }

    /** With the product and ledger ids chosen by the caller. */
    @UseClasspathSqlLocator
    @SqlQuery
    Product insert(UUID id, UUID logId, @BindMethods("p") NewProduct product);

    @Override
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

    /** The three lists run in step. */
    @UseClasspathSqlLocator
    @SqlBatch
    void insertBatch(@Bind("id") List<UUID> ids, @Bind("logId") List<UUID> logIds, @BindMethods("p") List<NewProduct> products);

    @Override
    default Optional<Product> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            WHERE id = :id""")
    Optional<Product> byId(UUID id);

    @Override
    default Optional<Product> findBySku(String sku) {
        return bySku(Checks.notNull("sku", sku));
    }

    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            WHERE sku = :sku""")
    Optional<Product> bySku(String sku);

    @Override
    default Product update(UUID id, int expectedVersion, ProductChanges changes) {
        Checks.notNull("id", id);
        Checks.nonNegative("expectedVersion", expectedVersion);
        Checks.notNull("changes", changes);
        return updateIfVersion(id, expectedVersion, changes).orElseThrow(() -> {
            Product current = byId(id).orElseThrow(() -> new NotFoundException("product", id));
            return new StaleVersionException("product", id, expectedVersion, current.version());
        });
    }

    /** Empty if the id or the version did not match. */
    @SqlQuery("""
            UPDATE <schema>.products
            SET category_id = :c.categoryId, name = :c.name, description = :c.description,
                price = :c.price, low_stock_threshold = :c.lowStockThreshold, version = version + 1
            WHERE id = :id AND version = :expectedVersion
            RETURNING id, category_id, sku, name, description, price, stock, low_stock_threshold,
                      is_active, version, created_at, updated_at""")
    Optional<Product> updateIfVersion(UUID id, int expectedVersion, @BindMethods("c") ProductChanges changes);

    @Override
    default boolean deactivate(UUID id) {
        return setInactive(Checks.notNull("id", id));
    }

    @SqlUpdate("UPDATE <schema>.products SET is_active = false WHERE id = :id AND is_active")
    boolean setInactive(UUID id);

    @Override
    default boolean reactivate(UUID id) {
        return setActive(Checks.notNull("id", id));
    }

    @SqlUpdate("UPDATE <schema>.products SET is_active = true WHERE id = :id AND NOT is_active")
    boolean setActive(UUID id);

    @Override
    default Page<Product> listActiveByCategory(UUID categoryId, String cursor, int pageSize) {
        Checks.notNull("categoryId", categoryId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TEXT);
        return Keyset.page(activeByCategoryAfter(categoryId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Product::id, Product::name);
    }

    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            WHERE category_id = :categoryId AND is_active AND (name, id) > (:afterName, :afterId)
            ORDER BY name, id
            LIMIT :limit""")
    List<Product> activeByCategoryAfter(UUID categoryId, String afterName, UUID afterId, int limit);

    @Override
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

    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            WHERE is_active AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Product> activeNewestBefore(String afterCreatedAt, UUID afterId, int limit);

    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            WHERE is_active AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Product> activeOldestAfter(String afterCreatedAt, UUID afterId, int limit);

    @Override
    default List<Product> listLowStock(int limit) {
        return lowStock(Checks.between("limit", limit, 1, Page.MAX_PAGE_SIZE));
    }

    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            WHERE stock <= low_stock_threshold AND is_active
            ORDER BY stock, id
            LIMIT :limit""")
    List<Product> lowStock(int limit);

    @Override
    @Transaction
    default long exportAll(Consumer<? super Product> sink) {
        Checks.notNull("sink", sink);
        long[] count = {0};
        try (Stream<Product> rows = all()) {
            rows.forEach(p -> {
                sink.accept(p);
                count[0]++;
            });
        }
        return count[0];
    }

    @Override
    default Stream<Product> streamAll() {
        return all();
    }

    /** 1000 rows per fetch, inside a transaction (PostgreSQL uses cursors only when autocommit is off). */
    @SqlQuery("""
            SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold,
                   is_active, version, created_at, updated_at
            FROM <schema>.products
            ORDER BY id""")
    @FetchSize(1000)
    Stream<Product> all();
}
