package com.techzone.core.order;

/**
 * What the tax rate of a checkout applies to. An order-level discount is money that never changed
 * hands, so by default it is not taxed.
 */
public enum TaxBase {
    /** Tax = (subtotal - discount, at least 0) x rate. The default. */
    AFTER_DISCOUNT,
    /** Tax = subtotal x rate; the discount then comes off the taxed total (a discount paid for by the seller, taxed in full). */
    BEFORE_DISCOUNT
}
