package com.techzone.core.inventory;

import com.techzone.core.InvalidInputException;
import com.techzone.core.NotFoundException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.EnumSupport;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Stock changes with their ledger: each call changes {@code products.stock} and writes one
 * {@code inventory_logs} row carrying {@code stock_after}, in one statement, so the two never
 * disagree. Stock never goes below zero, whatever runs concurrently: the decrement is conditional
 * on the row it locks. Get one from {@link com.techzone.core.Techzone#inventory()}.
 */
public final class Inventory {

    private static final String CHANGE_STOCK = """
            WITH product AS (
                UPDATE <schema>.products SET stock = stock + :change
                WHERE id = :productId AND stock + :change >= 0
                RETURNING id, stock
            )
            INSERT INTO <schema>.inventory_logs (id, product_id, change, reason, stock_after, order_id, note, created_by, created_at)
            SELECT :id, product.id, :change, :reason, product.stock, NULL, :note, :createdBy, clock_timestamp()
            FROM product
            RETURNING id, product_id, change, reason, stock_after, order_id, note, created_by, created_at""";

    private final SchemaJdbi jdbi;

    /** @param jdbi the facade's Jdbi and schema; get one from {@link com.techzone.core.Techzone} */
    public Inventory(SchemaJdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adds received goods.
     *
     * @param quantity units received, positive
     * @param createdBy who received them, or null
     * @return the ledger row written
     * @throws com.techzone.core.InvalidInputException if quantity is not positive
     * @throws NotFoundException if the product does not exist
     */
    public InventoryLog restock(UUID productId, int quantity, UUID createdBy) {
        Checks.positive("quantity", quantity);
        return change(productId, quantity, InventoryReason.RESTOCK, null, createdBy);
    }

    /**
     * Corrects stock by {@code change} units (stocktaking, damage) with a note saying why.
     *
     * @param change units to add (positive) or remove (negative); not zero
     * @param note why, at most 5000 characters, or null
     * @return the ledger row written
     * @throws InsufficientStockException if removing would leave negative stock (nothing is changed)
     * @throws NotFoundException if the product does not exist
     */
    public InventoryLog adjust(UUID productId, int change, String note, UUID createdBy) {
        return change(productId, change, InventoryReason.ADJUSTMENT, note, createdBy);
    }

    /** {@link #adjust} inside the transaction of {@code handle} (joined if one is open). */
    public InventoryLog adjust(Handle handle, UUID productId, int change, String note, UUID createdBy) {
        validate(productId, change, note);
        return Transactions.inTransaction(jdbi, handle, h -> write(h, productId, change, InventoryReason.ADJUSTMENT, note, createdBy));
    }

    private InventoryLog change(UUID productId, int change, InventoryReason reason, String note, UUID createdBy) {
        validate(productId, change, note);
        return Transactions.inTransaction(jdbi, h -> write(h, productId, change, reason, note, createdBy));
    }

    private static void validate(UUID productId, int change, String note) {
        Checks.notNull("productId", productId);
        if (change == 0) {
            throw new InvalidInputException("change", "must not be zero");
        }
        Checks.optionalText("note", note, 0, 5000);
    }

    private static InventoryLog write(Handle h, UUID productId, int change, InventoryReason reason, String note,
                                      UUID createdBy) {
        Optional<InventoryLog> row = h.createQuery(CHANGE_STOCK)
                .bind("id", Uuids.v7())
                .bind("productId", productId)
                .bind("change", change)
                .bind("reason", EnumSupport.label(reason))
                .bind("note", note)
                .bind("createdBy", createdBy)
                .mapTo(InventoryLog.class)
                .findOne();
        if (row.isPresent()) {
            return row.get();
        }
        Shortage shortage = h.createQuery("SELECT sku, stock FROM <schema>.products WHERE id = :id")
                .bind("id", productId)
                .map((rs, ctx) -> new Shortage(productId, rs.getString("sku"), -change, rs.getInt("stock")))
                .findOne()
                .orElseThrow(() -> new NotFoundException("product", productId));
        throw new InsufficientStockException(List.of(shortage));
    }
}
