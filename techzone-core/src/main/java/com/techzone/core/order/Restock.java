package com.techzone.core.order;

/**
 * Whether a refund puts the order's units back into stock; see
 * {@link OrderLifecycle#refund(java.util.UUID, java.util.UUID, String, Restock)}.
 */
public enum Restock {
    /**
     * The goods came back and can be sold again: each product's stock grows by its quantity on the
     * order, with an {@code inventory_logs} row of reason {@code refund}.
     */
    RESTOCK,
    /**
     * The goods did not come back (lost parcel, damaged, kept by the customer): stock and the ledger
     * are left alone; the refund's status history row records {@code restocked = false}.
     */
    NO_RESTOCK
}
