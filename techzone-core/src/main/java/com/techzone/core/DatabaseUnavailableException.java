package com.techzone.core;

import com.techzone.TechzoneException;

/**
 * The database could not be reached or dropped the connection: the server is down, restarting or
 * refusing connections (SQLState class {@code 08}, {@code 57P01}..{@code 57P03}), the backend was
 * terminated by an administrator ({@code pg_terminate_backend}), or the pool found no working
 * connection within its timeout. The transaction that was open was rolled back by the server; a
 * workflow is not retried on this error, because a connection lost while committing leaves the
 * outcome unknown: repeat a checkout with the same idempotency key to be safe. The pool replaces
 * broken connections by itself; the next call works once the server is back.
 */
public class DatabaseUnavailableException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the driver's reason (never a password: drivers do not print them)
     * @param cause the driver's or the pool's exception
     * @param sqlState the SQLState, or null if the pool gave none
     */
    public DatabaseUnavailableException(String message, Throwable cause, String sqlState) {
        super(message, cause, sqlState, null);
    }
}
