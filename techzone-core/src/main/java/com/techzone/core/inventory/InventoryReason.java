package com.techzone.core.inventory;

/** Why stock changed; one per ledger row ({@code inventory_logs.reason}). */
public enum InventoryReason {
    /** Stock a product was created with. */
    INITIAL,
    /** Goods received. */
    RESTOCK,
    /** Sold by a checkout (negative change). */
    SALE,
    /** Returned to stock when an order was cancelled. */
    CANCELLATION,
    /** Returned to stock when an order was refunded. */
    REFUND,
    /** A manual correction (stocktaking, damage), positive or negative. */
    ADJUSTMENT
}
