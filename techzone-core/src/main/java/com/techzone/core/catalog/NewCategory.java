package com.techzone.core.catalog;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import java.util.regex.Pattern;

/**
 * What it takes to create (or fully rewrite) a category. Validated on construction.
 *
 * @param name 1..200 characters
 * @param slug lowercase letters and digits in hyphen-separated words, at most 200 characters, e.g. {@code smart-home}
 * @param description at most 5000 characters, or null
 * @throws InvalidInputException if a value breaks those rules
 */
public record NewCategory(String name, String slug, String description) {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /** Validates the values. */
    public NewCategory {
        Checks.text("name", name, 1, 200);
        Checks.text("slug", slug, 1, 200);
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "must be lowercase words of letters and digits joined by '-', was '" + slug + "'");
        }
        Checks.optionalText("description", description, 0, 5000);
    }
}
