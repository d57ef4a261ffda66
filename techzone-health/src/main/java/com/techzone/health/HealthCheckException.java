package com.techzone.health;

import com.techzone.TechzoneException;

/**
 * The run could not start: the database could not be reached, refused the credentials, or the
 * session could not be made read-only. The message names the database (masked) and the cause.
 * Single checks that fail do not throw: they come back UNKNOWN.
 */
public class HealthCheckException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where, without credentials
     * @param cause the driver's exception
     * @param sqlState the SQLState, or null
     */
    public HealthCheckException(String message, Throwable cause, String sqlState) {
        super(message, cause, sqlState, null);
    }
}
