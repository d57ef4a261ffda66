package com.techzone.core.internal.workflow;

import com.techzone.core.InvalidInputException;
import com.techzone.core.NotFoundException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.EnumSupport;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.inventory.Inventory;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryReason;
import com.techzone.core.inventory.Shortage;
import org.jdbi.v3.core.Handle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@link Inventory} the facade hands out. */
public final class DefaultInventory implements Inventory {

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
    public DefaultInventory(SchemaJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public InventoryLog restock(UUID productId, int quantity, UUID createdBy) {
        Checks.positive("quantity", quantity);
        return change(productId, quantity, InventoryReason.RESTOCK, null, createdBy);
    }

    @Override
    public InventoryLog restock(Handle handle, UUID productId, int quantity, UUID createdBy) {
        Checks.positive("quantity", quantity);
        validate(productId, quantity, null);
        return Transactions.inTransaction(jdbi, handle, h -> write(h, productId, quantity, InventoryReason.RESTOCK, null, createdBy));
    }

    @Override
    public InventoryLog adjust(UUID productId, int change, String note, UUID createdBy) {
        return change(productId, change, InventoryReason.ADJUSTMENT, note, createdBy);
    }

    @Override
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
