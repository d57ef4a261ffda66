package com.techzone.core.user;

/** What {@link Accounts#erase} did with a user. */
public enum ErasureOutcome {
    /**
     * The user had no orders and was deleted, with cart, reviews and contact messages (theirs and
     * those sent from their email).
     */
    DELETED,
    /** The user had orders, which must be kept: the account was stripped of personal data instead. */
    ANONYMIZED
}
