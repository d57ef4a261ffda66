package com.techzone.core.catalog;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What it takes to create (or rewrite) a service. Validated on construction.
 *
 * @param categoryId its category, or null
 * @param name 1..200 characters
 * @param description at most 5000 characters, or null
 * @param price positive, at most 2 decimals
 * @param durationMinutes positive
 * @throws InvalidInputException if a value breaks those rules
 */
public record NewService(UUID categoryId, String name, String description, BigDecimal price, int durationMinutes) {

    /** Validates the values. */
    public NewService {
        Checks.text("name", name, 1, 200);
        Checks.optionalText("description", description, 0, 5000);
        Checks.money("price", price, true);
        Checks.positive("durationMinutes", durationMinutes);
    }
}
