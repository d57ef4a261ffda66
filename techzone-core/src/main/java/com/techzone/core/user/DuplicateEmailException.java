package com.techzone.core.user;

import com.techzone.TechzoneException;

/**
 * Another account already uses this email, compared in its normalised form (Unicode NFC, lower
 * case; unique index {@code uq_users_email_lower}, SQLState {@code 23505}).
 */
public class DuplicateEmailException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String email;

    /**
     * @param email the refused email as the server reported it (lower-cased), or null if unknown
     * @param cause the driver's exception
     */
    public DuplicateEmailException(String email, Throwable cause) {
        super("An account with email " + (email == null ? "(this email)" : email) + " already exists",
                cause, "23505", "uq_users_email_lower");
        this.email = email;
    }

    /** The email that is taken (lower-cased), or null if the server did not say. */
    public String email() {
        return email;
    }
}
