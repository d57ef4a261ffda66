package com.techzone.core;

import com.techzone.TechzoneException;
import java.util.Optional;

/**
 * An argument was refused: null where a value is required, a quantity that is zero or negative, a
 * text longer than its column allows, a malformed email, a rating outside 1..5, an end before its
 * start. Thrown before any SQL runs where the check is cheap (then {@link #sqlState()} is empty),
 * or translated from a data exception of the server (SQLState class 22) otherwise. Either way,
 * nothing was written.
 *
 * <p>This is a {@link TechzoneException} rather than an {@link IllegalArgumentException} so that
 * one {@code catch (TechzoneException e)} covers everything this library refuses.
 */
public class InvalidInputException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the parameter or field that was refused, e.g. {@code "quantity"}
     * @param message why, naming the limit
     */
    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /**
     * A data exception of the server (SQLState class 22), e.g. an unknown enum label.
     *
     * @param message the server's message
     * @param cause the driver's exception
     * @param sqlState the SQLState
     */
    public InvalidInputException(String message, Throwable cause, String sqlState) {
        super(message, cause, sqlState, null);
        this.field = null;
    }

    /** The refused parameter or field, when known (always known when refused before SQL). */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
