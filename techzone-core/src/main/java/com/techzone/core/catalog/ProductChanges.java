package com.techzone.core.catalog;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The editable fields of a product, written together by {@link ProductDao#update}. Stock is not
 * among them: it changes only through the inventory ledger. Validated on construction.
 *
 * @param categoryId its category, or null
 * @param name 1..200 characters
 * @param description at most 5000 characters, or null
 * @param price positive, at most 2 decimals
 * @param lowStockThreshold zero or more
 * @throws InvalidInputException if a value breaks those rules
 */
public record ProductChanges(UUID categoryId, String name, String description, BigDecimal price, int lowStockThreshold) {

    /** Validates the values. */
    public ProductChanges {
        Checks.text("name", name, 1, 200);
        Checks.optionalText("description", description, 0, 5000);
        Checks.money("price", price, true);
        Checks.nonNegative("lowStockThreshold", lowStockThreshold);
    }

    /** The current values of {@code product}, to change one or two of them. */
    public static ProductChanges of(Product product) {
        return new ProductChanges(product.categoryId(), product.name(), product.description(), product.price(),
                product.lowStockThreshold());
    }

    /** A copy with another price. */
    public ProductChanges withPrice(BigDecimal newPrice) {
        return new ProductChanges(categoryId, name, description, newPrice, lowStockThreshold);
    }

    /** A copy with another name. */
    public ProductChanges withName(String newName) {
        return new ProductChanges(categoryId, newName, description, price, lowStockThreshold);
    }
}
