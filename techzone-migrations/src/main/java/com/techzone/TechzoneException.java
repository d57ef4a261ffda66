package com.techzone;

import java.util.Optional;

/**
 * Root of every exception the TechZone modules throw. Unchecked: callers catch it where they can
 * act on it. Where the database refused something, {@link #sqlState()} and {@link #constraint()}
 * say what exactly; both are empty for errors found before any SQL ran. The message never carries a
 * password: {@code password=} parameters, {@code user:password@} credentials and SQL {@code PASSWORD '...'}
 * literals in it are masked as {@code ****} when the exception is made, whatever text (a driver's message, a
 * JDBC URL) it quotes.
 */
public class TechzoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String constraint;

    public TechzoneException(String message) {
        this(message, null, null, null);
    }

    public TechzoneException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    /**
     * @param message what went wrong, in the domain's words; kept with its secrets masked
     * @param cause the underlying exception, or null
     * @param sqlState the SQLState the server reported, or null
     * @param constraint the name of the constraint the server reported, or null
     */
    public TechzoneException(String message, Throwable cause, String sqlState, String constraint) {
        super(Secrets.mask(message), cause);
        this.sqlState = sqlState;
        this.constraint = constraint;
    }

    /** The five-character SQLState the server reported, if a statement failed. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** The name of the constraint that refused the row, if one did. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }
}
