package com.techzone.core.catalog;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What it takes to create a product. Validated on construction.
 *
 * @param categoryId its category, or null
 * @param sku 1..64 characters, unique
 * @param name 1..200 characters
 * @param description at most 5000 characters, or null
 * @param price positive, at most 2 decimals
 * @param initialStock units on hand at creation, zero or more; recorded in the ledger as {@code initial}
 * @param lowStockThreshold zero or more; the schema's default is 5
 * @throws InvalidInputException if a value breaks those rules
 */
public record NewProduct(UUID categoryId, String sku, String name, String description, BigDecimal price,
                         int initialStock, int lowStockThreshold) {

    /** Validates the values. */
    public NewProduct {
        Checks.text("sku", sku, 1, 64);
        Checks.text("name", name, 1, 200);
        Checks.optionalText("description", description, 0, 5000);
        Checks.money("price", price, true);
        Checks.nonNegative("initialStock", initialStock);
        Checks.nonNegative("lowStockThreshold", lowStockThreshold);
    }
}
