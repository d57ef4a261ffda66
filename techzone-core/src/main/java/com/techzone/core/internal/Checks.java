package com.techzone.core.internal;

import com.techzone.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/** Cheap argument checks run before SQL; each mirrors a constraint of the schema. */
public final class Checks {

    /** The same rule as the schema's {@code chk_*_email_format}: something@something, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private Checks() {
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    public static String text(String field, String value, int min, int max) {
        notNull(field, value);
        return optionalText(field, value, min, max);
    }

    public static String optionalText(String field, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidInputException(field, "must be " + min + " to " + max + " characters, was " + length);
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "must not contain NUL characters");
        }
        return value;
    }

    public static String email(String field, String value) {
        text(field, value, 3, 255);
        if (!EMAIL.matcher(value).matches()) {
            throw new InvalidInputException(field, "must look like name@domain without spaces");
        }
        return value;
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidInputException(field, "must be positive, was " + value);
        }
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidInputException(field, "must be positive, was " + value);
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, "must not be negative, was " + value);
        }
        return value;
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A money amount: not null, not negative (or strictly positive), at most 2 decimals, fits numeric(12,2). */
    public static BigDecimal money(String field, BigDecimal value, boolean strictlyPositive) {
        notNull(field, value);
        if (strictlyPositive ? value.signum() <= 0 : value.signum() < 0) {
            throw new InvalidInputException(field, "must be " + (strictlyPositive ? "positive" : "zero or more") + ", was " + value);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "must have at most 2 decimal places, was " + value);
        }
        if (value.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw new InvalidInputException(field, "must be at most 9999999999.99, was " + value);
        }
        return value;
    }

    public static void range(String startField, Instant start, String endField, Instant end) {
        notNull(startField, start);
        notNull(endField, end);
        if (!end.isAfter(start)) {
            throw new InvalidInputException(endField, "must be after " + startField + " (" + start + "), was " + end);
        }
    }
}
