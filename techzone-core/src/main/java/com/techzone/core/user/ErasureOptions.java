package com.techzone.core.user;

/**
 * What {@link Accounts#erase(java.util.UUID, ErasureOptions)} keeps because the host must keep it
 * (accounting, tax records). By default nothing personal is kept.
 *
 * @param keepShippingAddresses keep {@code orders.shipping_address} of the person's orders (an
 *        invoice address a tax authority may ask for); default false: set to NULL
 */
public record ErasureOptions(boolean keepShippingAddresses) {

    /** Keep nothing personal: every personal field is removed or redacted. */
    public static ErasureOptions defaults() {
        return new ErasureOptions(false);
    }

    /** A copy that keeps the shipping addresses of the person's orders. */
    public ErasureOptions keepingShippingAddresses() {
        return new ErasureOptions(true);
    }
}
