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
     * A product's stock history, newest first (index {@code idx_inventory_logs_product_date}): in
     * the reverse of the order the rows were written ({@code seq}, migration V7), so two changes made
     * in one transaction, which share {@code created_at}, still list in their order; rows written
     * before V7 have no {@code seq} and come last, newest first by time.
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
