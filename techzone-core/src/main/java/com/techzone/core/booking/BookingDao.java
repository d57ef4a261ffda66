package com.techzone.core.booking;

import com.techzone.core.Page;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Errors;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The {@code bookings} table. No two active bookings of one service overlap: the exclusion
 * constraint {@code ex_bookings_no_overlap} guarantees it under any concurrency, and
 * {@link #book} reports its refusal as a {@link BookingConflictException}. Cancelling frees the slot.
 */
public interface BookingDao {

    /**
     * Books a slot (status {@code pending}).
     *
     * @throws BookingConflictException if the slot overlaps an active booking of the same service
     * @throws com.techzone.core.ConstraintViolationException {@code fk_bookings_service_id} for an unknown service
     */
    default Booking book(NewBooking booking) {
        Checks.notNull("booking", booking);
        try {
            return insert(Uuids.v7(), booking);
        } catch (JdbiException e) {
            if ("ex_bookings_no_overlap".equals(Errors.constraint(e))) {
                throw new BookingConflictException(booking.serviceId(), booking.startsAt(), booking.endsAt(), e);
            }
            throw e;
        }
    }

    /** The insert behind {@link #book}. */
    @SqlQuery("""
            INSERT INTO <schema>.bookings (id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, notes)
            VALUES (:id, :b.serviceId, :b.userId, :b.contactName, :b.contactEmail, :b.startsAt, :b.endsAt, :b.notes)
            RETURNING *""")
    Booking insert(UUID id, @BindMethods("b") NewBooking booking);

    /** The booking with this id, if any. */
    @SqlQuery("SELECT * FROM <schema>.bookings WHERE id = :id")
    Optional<Booking> findById(UUID id);

    /**
     * A service's bookings starting in {@code [from, to)}, any status, by start time (index
     * {@code idx_bookings_service_id}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<Booking> listForService(UUID serviceId, Instant from, Instant to, String cursor, int pageSize) {
        Checks.notNull("serviceId", serviceId);
        Checks.range("from", from, "to", to);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(forServiceAfter(serviceId, from, to, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Booking::id, Booking::startsAt);
    }

    /** The keyset query behind {@link #listForService}. */
    @SqlQuery("""
            SELECT * FROM <schema>.bookings
            WHERE service_id = :serviceId AND starts_at >= :from AND starts_at < :to
              AND (starts_at, id) > (:afterStartsAt::timestamptz, :afterId)
            ORDER BY starts_at, id
            LIMIT :limit""")
    List<Booking> forServiceAfter(UUID serviceId, Instant from, Instant to, String afterStartsAt, UUID afterId, int limit);

    /**
     * A user's bookings, latest start first (index {@code idx_bookings_user_id}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<Booking> listForUser(UUID userId, String cursor, int pageSize) {
        Checks.notNull("userId", userId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(forUserBefore(userId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Booking::id, Booking::startsAt);
    }

    /** The keyset query behind {@link #listForUser}. */
    @SqlQuery("""
            SELECT * FROM <schema>.bookings
            WHERE user_id = :userId AND (starts_at, id) < (:afterStartsAt::timestamptz, :afterId)
            ORDER BY starts_at DESC, id DESC
            LIMIT :limit""")
    List<Booking> forUserBefore(UUID userId, String afterStartsAt, UUID afterId, int limit);

    /** Accepts a pending booking; empty if none has this id or it is not pending. */
    @SqlQuery("UPDATE <schema>.bookings SET status = 'confirmed' WHERE id = :id AND status = 'pending' RETURNING *")
    Optional<Booking> confirm(UUID id);

    /** Cancels a pending or confirmed booking, freeing its slot; empty if none has this id or it is not active. */
    @SqlQuery("UPDATE <schema>.bookings SET status = 'cancelled' WHERE id = :id AND status IN ('pending', 'confirmed') RETURNING *")
    Optional<Booking> cancel(UUID id);

    /** Marks a confirmed booking as having taken place; empty if none has this id or it is not confirmed. */
    @SqlQuery("UPDATE <schema>.bookings SET status = 'completed' WHERE id = :id AND status = 'confirmed' RETURNING *")
    Optional<Booking> complete(UUID id);

    /** Marks a confirmed booking as missed by the customer; empty if none has this id or it is not confirmed. */
    @SqlQuery("UPDATE <schema>.bookings SET status = 'no_show' WHERE id = :id AND status = 'confirmed' RETURNING *")
    Optional<Booking> markNoShow(UUID id);
}
