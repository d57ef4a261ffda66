package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.contact.ContactDao;
import com.techzone.core.contact.ContactMessage;
import com.techzone.core.contact.ContactStatus;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SqlObject behind {@link ContactDao}: its checks, then its SQL. */
public interface ContactSql extends ContactDao {

    @Override
    default ContactMessage create(NewContactMessage message) {
        return insert(Uuids.v7(), Checks.notNull("message", message));
    }

    @SqlQuery("""
            INSERT INTO <schema>.contacts (id, user_id, name, email, subject, message)
            VALUES (:id, :m.userId, :m.name, :m.email, :m.subject, :m.message)
            RETURNING id, user_id, name, email, subject, message, status, created_at, updated_at""")
    ContactMessage insert(UUID id, @BindMethods("m") NewContactMessage message);

    @Override
    default Optional<ContactMessage> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, user_id, name, email, subject, message, status, created_at, updated_at
            FROM <schema>.contacts
            WHERE id = :id""")
    Optional<ContactMessage> byId(UUID id);

    @Override
    default Page<ContactMessage> listByStatus(ContactStatus status, String cursor, int pageSize) {
        Checks.notNull("status", status);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(byStatusAfter(status, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, ContactMessage::id, ContactMessage::createdAt);
    }

    @SqlQuery("""
            SELECT id, user_id, name, email, subject, message, status, created_at, updated_at
            FROM <schema>.contacts
            WHERE status = :status AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<ContactMessage> byStatusAfter(ContactStatus status, String afterCreatedAt, UUID afterId, int limit);

    @Override
    default Optional<ContactMessage> changeStatus(UUID id, ContactStatus status) {
        Checks.notNull("id", id);
        Checks.notNull("status", status);
        return updateStatus(id, status);
    }

    @SqlQuery("""
            UPDATE <schema>.contacts
            SET status = :status
            WHERE id = :id
            RETURNING id, user_id, name, email, subject, message, status, created_at, updated_at""")
    Optional<ContactMessage> updateStatus(UUID id, ContactStatus status);

    @Override
    default boolean delete(UUID id) {
        return deleteRow(Checks.notNull("id", id));
    }

    @SqlUpdate("DELETE FROM <schema>.contacts WHERE id = :id")
    boolean deleteRow(UUID id);
}
