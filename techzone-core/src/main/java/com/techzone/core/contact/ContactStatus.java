package com.techzone.core.contact;

/** Where a contact-form message stands in the support inbox ({@code contacts.status}). */
public enum ContactStatus {
    /** Not yet read. */
    NEW,
    /** Someone is answering it. */
    IN_PROGRESS,
    /** Answered. */
    RESOLVED,
    /** Junk. */
    SPAM
}
