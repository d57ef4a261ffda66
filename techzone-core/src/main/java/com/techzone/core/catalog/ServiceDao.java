package com.techzone.core.catalog;

import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code services} table. Services are deactivated, not deleted, once booked (bookings refer
 * to them with {@code ON DELETE RESTRICT}).
 */
public interface ServiceDao {

    /**
     * Creates a service.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code fk_services_category_id} if the category does not exist
     */
    default Service create(NewService service) {
        return insert(Uuids.v7(), service);
    }

    /** The insert behind {@link #create}, with the id chosen by the caller. */
    @SqlQuery("""
            INSERT INTO <schema>.services (id, category_id, name, description, price, duration_minutes)
            VALUES (:id, :s.categoryId, :s.name, :s.description, :s.price, :s.durationMinutes)
            RETURNING *""")
    Service insert(UUID id, @BindMethods("s") NewService service);

    /** The service with this id, active or not. */
    @SqlQuery("SELECT * FROM <schema>.services WHERE id = :id")
    Optional<Service> findById(UUID id);

    /** Rewrites the service's fields; empty if none has this id. */
    @SqlQuery("""
            UPDATE <schema>.services
            SET category_id = :s.categoryId, name = :s.name, description = :s.description,
                price = :s.price, duration_minutes = :s.durationMinutes
            WHERE id = :id
            RETURNING *""")
    Optional<Service> update(UUID id, @BindMethods("s") NewService service);

    /** Takes the service off the booking list; returns whether it was active. Existing bookings stay. */
    @SqlUpdate("UPDATE <schema>.services SET is_active = false WHERE id = :id AND is_active")
    boolean deactivate(UUID id);

    /**
     * Active services of one category in name order (index {@code idx_services_category_active}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    default Page<Service> listActiveByCategory(UUID categoryId, String cursor, int pageSize) {
        Checks.notNull("categoryId", categoryId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TEXT);
        return Keyset.page(activeByCategoryAfter(categoryId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Service::id, Service::name);
    }

    /** The keyset query behind {@link #listActiveByCategory}. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.services
            WHERE category_id = :categoryId AND is_active AND (name, id) > (:afterName, :afterId)
            ORDER BY name, id
            LIMIT :limit""")
    List<Service> activeByCategoryAfter(UUID categoryId, String afterName, UUID afterId, int limit);
}
