package com.techzone.migrations;

import com.techzone.TechzoneException;

/**
 * The TechZone schema could not be migrated or validated: the server was unreachable or refused
 * the credentials, a migration failed, or an applied migration no longer matches the packaged one
 * (it was edited after release), or the application's Flyway is not a version this library works
 * with. {@link #errorCode()} is Flyway's error code, e.g.
 * {@code VALIDATE_ERROR}, for callers that act on the kind of failure.
 */
public class MigrationException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    MigrationException(String message, String errorCode, Throwable cause) {
        this(message, errorCode, cause, null);
    }

    MigrationException(String message, String errorCode, Throwable cause, String sqlState) {
        super(message, cause, sqlState, null);
        this.errorCode = errorCode;
    }

    /**
     * Flyway's error code for the failure, e.g. {@code VALIDATE_ERROR}; {@code INCOMPATIBLE_FLYWAY}
     * when the application's Flyway is outside {@value TechzoneMigrations#SUPPORTED_FLYWAY};
     * "ERROR" when there is none.
     */
    public String errorCode() {
        return errorCode;
    }
}
