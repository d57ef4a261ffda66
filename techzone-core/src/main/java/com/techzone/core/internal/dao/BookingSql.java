package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.booking.Booking;
import com.techzone.core.booking.BookingConflictException;
import com.techzone.core.booking.BookingDao;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Errors;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SqlObject behind {@link BookingDao}: its checks, then its SQL. */
public interface BookingSql extends BookingDao, SqlObject {

    /**
     * Bookings of one service are made one at a time: the insert first takes the service's row lock
     * ({@code FOR NO KEY UPDATE}, which the bookings' foreign key checks do not wait for). Without it, concurrent
     * overlapping inserts wait on each other's rows under the exclusion constraint and deadlock, each cycle
     * broken only after {@code deadlock_timeout} (1 s): 32 racers for one slot took over 60 s on a loaded
     * machine. With it, the next booking sees the committed one and gets its conflict at once. A deadlock
     * that still happens is tried again when the booking runs in a transaction of its own (up to
     * {@link Transactions#MAX_ATTEMPTS} attempts); inside a caller's transaction it is the caller's to handle.
     */
    @Override
    default Booking book(NewBooking booking) {
        Checks.notNull("booking", booking);
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(Uuids.v7(), booking);
            } catch (JdbiException e) {
                if ("ex_bookings_no_overlap".equals(Errors.constraint(e))) {
                    throw new BookingConflictException(booking.serviceId(), booking.startsAt(), booking.endsAt(), e);
                }
                if (!Errors.isRetryable(e) || getHandle().isInTransaction() || attempt >= Transactions.MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The service's lock is read in the VALUES so that it is taken; an unknown service still meets the foreign key. */
    @SqlQuery("""
            WITH service AS (SELECT id FROM <schema>.services WHERE id = :b.serviceId FOR NO KEY UPDATE)
            INSERT INTO <schema>.bookings (id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, notes)
            VALUES (:id, coalesce((SELECT id FROM service), :b.serviceId), :b.userId, :b.contactName, :b.contactEmail,
                    :b.startsAt, :b.endsAt, :b.notes)
            RETURNING id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                      notes, created_at, updated_at""")
    Booking insert(UUID id, @BindMethods("b") NewBooking booking);

    @Override
    default Optional<Booking> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                   notes, created_at, updated_at
            FROM <schema>.bookings
            WHERE id = :id""")
    Optional<Booking> byId(UUID id);

    @Override
    default Page<Booking> listForService(UUID serviceId, Instant from, Instant to, String cursor, int pageSize) {
        Checks.notNull("serviceId", serviceId);
        Checks.range("from", from, "to", to);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(forServiceAfter(serviceId, from, to, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Booking::id, Booking::startsAt);
    }

    @SqlQuery("""
            SELECT id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                   notes, created_at, updated_at
            FROM <schema>.bookings
            WHERE service_id = :serviceId AND starts_at >= :from AND starts_at < :to
              AND (starts_at, id) > (:afterStartsAt::timestamptz, :afterId)
            ORDER BY starts_at, id
            LIMIT :limit""")
    List<Booking> forServiceAfter(UUID serviceId, Instant from, Instant to, String afterStartsAt, UUID afterId, int limit);

    @Override
    default Page<Booking> listForUser(UUID userId, String cursor, int pageSize) {
        Checks.notNull("userId", userId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(forUserBefore(userId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Booking::id, Booking::startsAt);
    }

    @SqlQuery("""
            SELECT id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                   notes, created_at, updated_at
            FROM <schema>.bookings
            WHERE user_id = :userId AND (starts_at, id) < (:afterStartsAt::timestamptz, :afterId)
            ORDER BY starts_at DESC, id DESC
            LIMIT :limit""")
    List<Booking> forUserBefore(UUID userId, String afterStartsAt, UUID afterId, int limit);

    @Override
    default Optional<Booking> confirm(UUID id) {
        return setConfirmed(Checks.notNull("id", id));
    }

    @SqlQuery("""
            UPDATE <schema>.bookings
            SET status = 'confirmed'
            WHERE id = :id AND status = 'pending'
            RETURNING id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                      notes, created_at, updated_at""")
    Optional<Booking> setConfirmed(UUID id);

    @Override
    default Optional<Booking> cancel(UUID id) {
        return setCancelled(Checks.notNull("id", id));
    }

    @SqlQuery("""
            UPDATE <schema>.bookings
            SET status = 'cancelled'
            WHERE id = :id AND status IN ('pending', 'confirmed')
            RETURNING id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                      notes, created_at, updated_at""")
    Optional<Booking> setCancelled(UUID id);

    @Override
    default Optional<Booking> complete(UUID id) {
        return setCompleted(Checks.notNull("id", id));
    }

    @SqlQuery("""
            UPDATE <schema>.bookings
            SET status = 'completed'
            WHERE id = :id AND status = 'confirmed'
            RETURNING id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                      notes, created_at, updated_at""")
    Optional<Booking> setCompleted(UUID id);

    @Override
    default Optional<Booking> markNoShow(UUID id) {
        return setNoShow(Checks.notNull("id", id));
    }

    @SqlQuery("""
            UPDATE <schema>.bookings
            SET status = 'no_show'
            WHERE id = :id AND status = 'confirmed'
            RETURNING id, service_id, user_id, contact_name, contact_email, starts_at, ends_at, status,
                      notes, created_at, updated_at""")
    Optional<Booking> setNoShow(UUID id);
}
