package com.techzone.core;

import com.techzone.TechzoneException;

/**
 * The server cancelled a statement: it ran longer than {@code statement_timeout}, waited for a lock
 * longer than {@code lock_timeout} (SQLState {@code 55P03}), or was cancelled on request
 * ({@code 57014}). The transaction it ran in was rolled back; nothing of it was written. Not
 * retried by the workflows: a timeout usually means the same wait would happen again.
 */
public class StatementTimeoutException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was cancelled and why
     * @param cause the driver's exception
     * @param sqlState {@code 57014} or {@code 55P03}
     */
    public StatementTimeoutException(String message, Throwable cause, String sqlState) {
        super(message, cause, sqlState, null);
    }
}
