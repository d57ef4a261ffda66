package com.techzone.core.inventory;

import com.techzone.core.InvalidInputException;
import com.techzone.core.NotFoundException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Stock changes with their ledger: each call changes {@code products.stock} and writes one
 * {@code inventory_logs} row carrying {@code stock_after}, in one statement, so the two never
 * disagree. Stock never goes below zero, whatever runs concurrently: the decrement is conditional
 * on the row it locks. Get one from {@link com.techzone.core.Techzone#inventory()}.
 */
public interface Inventory {

    /**
     * Adds received goods.
     *
     * @param quantity units received, positive
     * @param createdBy who received them, or null
     * @return the ledger row written
     * @throws com.techzone.core.InvalidInputException if quantity is not positive
     * @throws NotFoundException if the product does not exist
     */
    InventoryLog restock(UUID productId, int quantity, UUID createdBy);

    /**
     * {@link #restock} inside the transaction of {@code handle} (joined if one is open): goods received
     * recorded together with the host's own writes, and rolled back with them.
     */
    InventoryLog restock(Handle handle, UUID productId, int quantity, UUID createdBy);

    /**
     * Corrects stock by {@code change} units (stocktaking, damage) with a note saying why.
     *
     * @param change units to add (positive) or remove (negative); not zero
     * @param note why, at most 5000 characters, or null
     * @return the ledger row written
     * @throws InsufficientStockException if removing would leave negative stock (nothing is changed)
     * @throws NotFoundException if the product does not exist
     */
    InventoryLog adjust(UUID productId, int change, String note, UUID createdBy);

    /** {@link #adjust} inside the transaction of {@code handle} (joined if one is open). */
    InventoryLog adjust(Handle handle, UUID productId, int change, String note, UUID createdBy);
}
