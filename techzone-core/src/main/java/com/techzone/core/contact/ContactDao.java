package com.techzone.core.contact;

import com.techzone.core.Page;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code contacts} table: the support inbox.
 * Every method refuses a null argument (but a {@code cursor}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface ContactDao {

    /** Stores a message with status {@code new}. */
    ContactMessage create(NewContactMessage message);

    /** The message with this id, if any. */
    Optional<ContactMessage> findById(UUID id);

    /**
     * Messages in one status, oldest first: the inbox (index {@code idx_contacts_status}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<ContactMessage> listByStatus(ContactStatus status, String cursor, int pageSize);

    /** Moves a message to another status; empty if none has this id. */
    Optional<ContactMessage> changeStatus(UUID id, ContactStatus status);

    /** Deletes a message; returns whether it existed. */
    boolean delete(UUID id);
}
