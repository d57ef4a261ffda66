package com.techzone.core;

import com.techzone.TechzoneException;

/**
 * A transaction lost to a concurrent one: a deadlock (SQLState {@code 40P01}) or a serialization
 * failure ({@code 40001}). Workflows that are safe to repeat retry these themselves;
 * {@link #attempts()} says how many times this one was tried before giving up. Repeating the call
 * later is safe.
 */
public class ConcurrencyFailureException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * @param message what failed
     * @param cause the driver's exception
     * @param sqlState {@code 40001} or {@code 40P01}
     * @param attempts how many times the transaction ran, 1 if it was not retried
     */
    public ConcurrencyFailureException(String message, Throwable cause, String sqlState, int attempts) {
        super(message, cause, sqlState, null);
        this.attempts = attempts;
    }

    /** How many times the transaction ran before this failure was given up on. */
    public int attempts() {
        return attempts;
    }
}
