package com.techzone.core.inventory;

import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import java.util.List;
import java.util.UUID;

/**
 * Reads the {@code inventory_logs} ledger. Rows are written only by {@link Inventory}, checkout and
 * order cancellation/refund, together with the stock they describe; there is no update or delete.
 * Every method refuses a null argument (but a {@code cursor}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface InventoryLogDao {

    /**
     * A product's stock history, newest first: by {@code created_at} (the library writes each row's
     * time when the change is made, after the product's row is locked, so this is the order of the
     * changes), then by {@code seq} (migration V7, the order of the inserts), so rows that share a time,
     * such as rows a host wrote in one transaction with the default {@code now()}, still list in the
     * order they were written; then by {@code id}. Each page is read from
     * {@code idx_inventory_logs_product_date (product_id, created_at, coalesce(seq, 0), id)} (V9) in
     * this order, and costs the same however long the product's ledger is.
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    Page<InventoryLog> history(UUID productId, String cursor, int pageSize);

    /** The ledger rows an order caused (sale, cancellation, refund), oldest first: in the order they were written. */
    List<InventoryLog> listByOrder(UUID orderId);

    /** The sum of all changes of a product: equals its stock when the ledger reconciles. */
    long sumOfChanges(UUID productId);
}
