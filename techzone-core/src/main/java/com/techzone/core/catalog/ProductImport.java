package com.techzone.core.catalog;

import com.techzone.core.InvalidInputException;
import org.jdbi.v3.core.Handle;

/**
 * Bulk import of products through PostgreSQL's COPY: the rows stream into a temporary table, then
 * one statement moves them into {@code products} and writes each product's {@code initial} ledger
 * row, so stock and ledger agree from the first row. All or nothing: one transaction, and a
 * refused row (a duplicate SKU, a bad value) leaves nothing imported.
 *
 * <p>Use it for catalogue imports of thousands of rows or more; {@link ProductDao#createAll} (a JDBC
 * batch) is simpler for a few.
 */
public interface ProductImport {

    /**
     * Imports the products in one new transaction.
     *
     * @param products the rows, each already validated by {@link NewProduct}; read once, in order
     * @return how many products were imported
     * @throws InvalidInputException if products is null or holds a null
     * @throws com.techzone.core.ConstraintViolationException if the database refuses a row (e.g.
     *     {@code uq_products_sku}); nothing is imported then
     */
    long load(Iterable<NewProduct> products);

    /**
     * Imports the products on the caller's handle: inside its transaction if it has one (which the
     * caller then commits or rolls back), else in a new one.
     */
    long load(Handle handle, Iterable<NewProduct> products);
}
