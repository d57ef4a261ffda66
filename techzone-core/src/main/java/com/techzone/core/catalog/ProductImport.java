package com.techzone.core.catalog;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk import of products through PostgreSQL's COPY: the rows stream into a temporary table, then
 * one statement moves them into {@code products} and writes each product's {@code initial} ledger
 * row, so stock and ledger agree from the first row. All or nothing: one transaction, and a
 * refused row (a duplicate SKU, a bad value) leaves nothing imported.
 *
 * <p>Use it for catalogue imports of thousands of rows or more; {@link ProductDao#createAll} (a JDBC
 * batch) is simpler for a few.
 */
public final class ProductImport {

    private static final int BUFFER_BYTES = 64 * 1024;

    private static final String STAGING = """
            CREATE TEMP TABLE techzone_product_import (
                id uuid, category_id uuid, sku text, name text, description text,
                price numeric(12,2), stock integer, low_stock_threshold integer
            ) ON COMMIT DROP""";

    private static final String MOVE = """
            WITH product AS (
                INSERT INTO <schema>.products (id, category_id, sku, name, description, price, stock, low_stock_threshold)
                SELECT id, category_id, sku, name, description, price, stock, low_stock_threshold
                FROM pg_temp.techzone_product_import
                RETURNING id, stock
            )
            INSERT INTO <schema>.inventory_logs (product_id, change, reason, stock_after)
            SELECT id, stock, 'initial', stock FROM product WHERE stock > 0""";

    private final SchemaJdbi jdbi;

    /** @param jdbi the facade's Jdbi and schema; get one from {@link com.techzone.core.Techzone} */
    public ProductImport(SchemaJdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Imports the products in one new transaction.
     *
     * @param products the rows, each already validated by {@link NewProduct}; read once, in order
     * @return how many products were imported
     * @throws InvalidInputException if products is null or holds a null
     * @throws com.techzone.core.ConstraintViolationException if the database refuses a row (e.g.
     *     {@code uq_products_sku}); nothing is imported then
     */
    public long load(Iterable<NewProduct> products) {
        Checks.notNull("products", products);
        return Transactions.inTransaction(jdbi, handle -> copy(handle, products));
    }

    /**
     * Imports the products on the caller's handle: inside its transaction if it has one (which the
     * caller then commits or rolls back), else in a new one.
     */
    public long load(Handle handle, Iterable<NewProduct> products) {
        Checks.notNull("handle", handle);
        Checks.notNull("products", products);
        return Transactions.inTransaction(jdbi, handle, h -> copy(h, products));
    }

    private static long copy(Handle handle, Iterable<NewProduct> products) {
        handle.execute(STAGING);
        long rows = 0;
        try {
            CopyIn copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY pg_temp.techzone_product_import FROM STDIN (FORMAT csv)");
            try {
                StringBuilder buffer = new StringBuilder(BUFFER_BYTES + 1024);
                for (NewProduct p : products) {
                    Checks.notNull("products[" + rows + "]", p);
                    appendRow(buffer, Uuids.v7(), p);
                    rows++;
                    if (buffer.length() >= BUFFER_BYTES) {
                        write(copy, buffer);
                    }
                }
                write(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        handle.execute("ANALYZE pg_temp.techzone_product_import");
        handle.execute(MOVE);
        return rows;
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void appendRow(StringBuilder out, UUID id, NewProduct p) {
        out.append(id).append(',');
        if (p.categoryId() != null) {
            out.append(p.categoryId());
        }
        out.append(',');
        csv(out, p.sku()).append(',');
        csv(out, p.name()).append(',');
        csv(out, p.description()).append(',');
        out.append(plain(p.price())).append(',')
                .append(p.initialStock()).append(',')
                .append(p.lowStockThreshold()).append('\n');
    }

    /** A CSV field: quoted, quotes doubled; null stays an unquoted empty field (COPY's NULL). */
    private static StringBuilder csv(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
