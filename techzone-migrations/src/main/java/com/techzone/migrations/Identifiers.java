package com.techzone.migrations;

import java.util.regex.Pattern;

/** The one rule for names this module puts into SQL text: schemas, tables, roles. */
final class Identifiers {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    /**
     * Returns {@code value} if it is a plain lower-case SQL identifier, safe to write into SQL unquoted.
     *
     * @throws IllegalArgumentException naming the setting otherwise
     */
    static String require(String setting, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be a lower-case SQL identifier "
                    + "(letters, digits, underscores; at most 63 characters), got: " + value);
        }
        return value;
    }
}
