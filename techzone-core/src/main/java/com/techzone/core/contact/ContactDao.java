package com.techzone.core.contact;

import com.techzone.core.Page;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code contacts} table: the support inbox. */
public interface ContactDao {

    /** Stores a message with status {@code new}. */
    default ContactMessage create(NewContactMessage message) {
        Checks.notNull("message", message);
        return insert(Uuids.v7(), message);
    }

    /** The insert behind {@link #create}. */
    @SqlQuery("""
            INSERT INTO <schema>.contacts (id, user_id, name, email, subject, message)
            VALUES (:id, :m.userId, :m.name, :m.email, :m.subject, :m.message)
            RETURNING *""")
    ContactMessage insert(UUID id, @BindMethods("m") NewContactMessage message);

    /** The message with this id, if any. */
    @SqlQuery("SELECT * FROM <schema>.contacts WHERE id = :id")
    Optional<ContactMessage> findById(UUID id);

    /**
     * Messages in one status, oldest first: the inbox (index {@code idx_contacts_status}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<ContactMessage> listByStatus(ContactStatus status, String cursor, int pageSize) {
        Checks.notNull("status", status);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(byStatusAfter(status, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, ContactMessage::id, ContactMessage::createdAt);
    }

    /** The keyset query behind {@link #listByStatus}. */
    @SqlQuery("""
            SELECT * FROM <schema>.contacts
            WHERE status = :status AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<ContactMessage> byStatusAfter(ContactStatus status, String afterCreatedAt, UUID afterId, int limit);

    /** Moves a message to another status; empty if none has this id. */
    default Optional<ContactMessage> changeStatus(UUID id, ContactStatus status) {
        Checks.notNull("status", status);
        return updateStatus(id, status);
    }

    /** The update behind {@link #changeStatus}. */
    @SqlQuery("UPDATE <schema>.contacts SET status = :status WHERE id = :id RETURNING *")
    Optional<ContactMessage> updateStatus(UUID id, ContactStatus status);

    /** Deletes a message; returns whether it existed. */
    @SqlUpdate("DELETE FROM <schema>.contacts WHERE id = :id")
    boolean delete(UUID id);
}
