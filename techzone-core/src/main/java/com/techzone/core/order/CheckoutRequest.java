package com.techzone.core.order;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Money;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a checkout needs besides the cart. Start from {@link #of(UUID)} and add what applies.
 * Validated on construction.
 *
 * @param userId whose cart becomes the order; required
 * @param idempotencyKey 1..200 characters, or null; a retried checkout with the same key (same
 *        user) returns the first order instead of placing another
 * @param shippingAddress at most 1000 characters, or null
 * @param currency ISO 4217 code known to {@link java.util.Currency}, with at most 2 decimal places
 *        (JPY 0, USD 2; KWD and other 3-decimal currencies are refused: amounts are stored with 2);
 *        default {@code USD}. Every amount of the order is a whole number of its minor units
 * @param taxRate a fraction of the tax base, 0..1 (0.08 for 8%); default 0. Tax is rounded
 *        HALF_EVEN to the currency's decimal places
 * @param shipping shipping amount, zero or more, in the currency's minor units; default 0
 * @param discount order-level discount, zero or more, in the currency's minor units; default 0; may
 *        not exceed the rest of the total
 * @param taxBase what the tax rate applies to; default {@link TaxBase#AFTER_DISCOUNT}
 * @throws InvalidInputException if a value breaks those rules
 */
public record CheckoutRequest(UUID userId, String idempotencyKey, String shippingAddress, String currency,
                              BigDecimal taxRate, BigDecimal shipping, BigDecimal discount, TaxBase taxBase) {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    /** Validates the values. */
    public CheckoutRequest {
        Checks.notNull("userId", userId);
        Checks.optionalText("idempotencyKey", idempotencyKey, 1, 200);
        Checks.optionalText("shippingAddress", shippingAddress, 0, 1000);
        Checks.notNull("currency", currency);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidInputException("currency", "must be three capital letters (ISO 4217), was '" + currency + "'");
        }
        Checks.notNull("taxRate", taxRate);
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("taxRate", "must be between 0 and 1, was " + taxRate);
        }
        int decimals = Money.decimals("currency", currency);
        Checks.money("shipping", shipping, false);
        Checks.money("discount", discount, false);
        Money.requireMinorUnits("shipping", shipping, currency, decimals);
        Money.requireMinorUnits("discount", discount, currency, decimals);
        Checks.notNull("taxBase", taxBase);
    }

    /** A checkout of the user's cart in USD, without key, address, tax, shipping or discount; tax after discount. */
    public static CheckoutRequest of(UUID userId) {
        return new CheckoutRequest(userId, null, null, "USD", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                TaxBase.AFTER_DISCOUNT);
    }

    /** A copy with this idempotency key. */
    public CheckoutRequest withIdempotencyKey(String key) {
        return new CheckoutRequest(userId, key, shippingAddress, currency, taxRate, shipping, discount, taxBase);
    }

    /** A copy with this shipping address. */
    public CheckoutRequest withShippingAddress(String address) {
        return new CheckoutRequest(userId, idempotencyKey, address, currency, taxRate, shipping, discount, taxBase);
    }

    /** A copy with this currency. */
    public CheckoutRequest withCurrency(String code) {
        return new CheckoutRequest(userId, idempotencyKey, shippingAddress, code, taxRate, shipping, discount, taxBase);
    }

    /** A copy with this tax rate. */
    public CheckoutRequest withTaxRate(BigDecimal rate) {
        return new CheckoutRequest(userId, idempotencyKey, shippingAddress, currency, rate, shipping, discount, taxBase);
    }

    /** A copy with this shipping amount. */
    public CheckoutRequest withShipping(BigDecimal amount) {
        return new CheckoutRequest(userId, idempotencyKey, shippingAddress, currency, taxRate, amount, discount, taxBase);
    }

    /** A copy with this discount. */
    public CheckoutRequest withDiscount(BigDecimal amount) {
        return new CheckoutRequest(userId, idempotencyKey, shippingAddress, currency, taxRate, shipping, amount, taxBase);
    }

    /** A copy with this tax base. */
    public CheckoutRequest withTaxBase(TaxBase base) {
        return new CheckoutRequest(userId, idempotencyKey, shippingAddress, currency, taxRate, shipping, discount, base);
    }
}
