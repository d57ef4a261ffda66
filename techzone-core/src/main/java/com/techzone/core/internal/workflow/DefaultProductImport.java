package com.techzone.core.internal.workflow;

import com.techzone.core.InvalidInputException;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.ProductImport;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;

/** The {@link ProductImport} the facade hands out. */
public final class DefaultProductImport implements ProductImport {

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
    public DefaultProductImport(SchemaJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long load(Iterable<NewProduct> products) {
        Checks.notNull("products", products);
        return Transactions.inTransaction(jdbi, handle -> copy(handle, products));
    }

    @Override
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
