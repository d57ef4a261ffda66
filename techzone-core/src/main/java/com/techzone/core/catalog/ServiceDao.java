package com.techzone.core.catalog;

import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code services} table. Services are deactivated, not deleted, once booked (bookings refer
 * to them with {@code ON DELETE RESTRICT}).
 * Every method refuses a null argument (but a {@code cursor}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface ServiceDao {

    /**
     * Creates a service.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code fk_services_category_id} if the category does not exist
     */
    Service create(NewService service);

    /** The service with this id, active or not. */
    Optional<Service> findById(UUID id);

    /** Rewrites the service's fields; empty if none has this id. */
    Optional<Service> update(UUID id, NewService service);

    /** Takes the service off the booking list; returns whether it was active. Existing bookings stay. */
    boolean deactivate(UUID id);

    /**
     * Active services of one category in name order (index {@code idx_services_category_active}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    Page<Service> listActiveByCategory(UUID categoryId, String cursor, int pageSize);

}
