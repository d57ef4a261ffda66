package com.techzone.core.internal;

import com.techzone.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts in a currency's minor units (ISO 4217, as {@link Currency} knows them): JPY has 0
 * decimal places, USD and EUR 2. The money columns are {@code numeric(12,2)}, so currencies with 3
 * (KWD, BHD, JOD, OMR, TND, ...) cannot be stored exactly and are refused by name.
 */
public final class Money {

    /** The decimal places of every money column of the schema. */
    public static final int COLUMN_SCALE = 2;

    private Money() {
    }

    /**
     * The decimal places of {@code currency}.
     *
     * @throws InvalidInputException (field {@code field}) for a code {@link Currency} does not know,
     *     one without minor units (XAU, XXX, ...), or one with more than {@value #COLUMN_SCALE}
     */
    public static int decimals(String field, String currency) {
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be an ISO 4217 currency code, was '" + currency + "'");
        }
        int digits = known.getDefaultFractionDigits();
        if (digits < 0) {
            throw new InvalidInputException(field, currency + " has no minor unit (ISO 4217) and cannot price an order");
        }
        if (digits > COLUMN_SCALE) {
            throw new InvalidInputException(field, currency + " has " + digits + " decimal places (ISO 4217), but amounts "
                    + "are stored with " + COLUMN_SCALE + "; currencies with more are not supported");
        }
        return digits;
    }

    /**
     * Returns {@code amount} if it is a whole number of minor units of a currency with {@code decimals} places.
     *
     * @throws InvalidInputException naming {@code field}, the amount and the currency otherwise
     */
    public static BigDecimal requireMinorUnits(String field, BigDecimal amount, String currency, int decimals) {
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new InvalidInputException(field, "must be a whole number of " + currency + " minor units ("
                    + decimals + " decimal places), was " + amount.toPlainString());
        }
        return amount;
    }

    /** {@code amount} rounded HALF_EVEN to {@code decimals} places. */
    public static BigDecimal round(BigDecimal amount, int decimals) {
        return amount.setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
