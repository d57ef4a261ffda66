package com.techzone.core.booking;

import com.techzone.core.Page;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code bookings} table. No two active bookings of one service overlap: the exclusion
 * constraint {@code ex_bookings_no_overlap} guarantees it under any concurrency, and
 * {@link #book} reports its refusal as a {@link BookingConflictException}. Cancelling frees the slot.
 * Every method refuses a null argument (but a {@code cursor}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface BookingDao {

    /**
     * Books a slot (status {@code pending}).
     *
     * @throws BookingConflictException if the slot overlaps an active booking of the same service
     * @throws com.techzone.core.ConstraintViolationException {@code fk_bookings_service_id} for an unknown service
     */
    Booking book(NewBooking booking);

    /** The booking with this id, if any. */
    Optional<Booking> findById(UUID id);

    /**
     * A service's bookings starting in {@code [from, to)}, any status, by start time (index
     * {@code idx_bookings_service_id}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<Booking> listForService(UUID serviceId, Instant from, Instant to, String cursor, int pageSize);

    /**
     * A user's bookings, latest start first (index {@code idx_bookings_user_id}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<Booking> listForUser(UUID userId, String cursor, int pageSize);

    /** Accepts a pending booking; empty if none has this id or it is not pending. */
    Optional<Booking> confirm(UUID id);

    /** Cancels a pending or confirmed booking, freeing its slot; empty if none has this id or it is not active. */
    Optional<Booking> cancel(UUID id);

    /** Marks a confirmed booking as having taken place; empty if none has this id or it is not confirmed. */
    Optional<Booking> complete(UUID id);

    /** Marks a confirmed booking as missed by the customer; empty if none has this id or it is not confirmed. */
    Optional<Booking> markNoShow(UUID id);
}
