package com.techzone.core;

import com.techzone.TechzoneException;

/**
 * The database refused a row because of a constraint (check, unique, foreign key, not null) that
 * has no more specific exception of its own. {@link #constraint()} names it, e.g.
 * {@code chk_reviews_rating_range}; {@link #sqlState()} is the SQLState (class 23).
 */
public class ConstraintViolationException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused, with the server's detail
     * @param cause the driver's exception
     * @param sqlState the SQLState, e.g. {@code 23514}
     * @param constraint the constraint name, or null if the server did not report one
     */
    public ConstraintViolationException(String message, Throwable cause, String sqlState, String constraint) {
        super(message, cause, sqlState, constraint);
    }
}
