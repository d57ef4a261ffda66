package com.techzone.core.booking;

import com.techzone.TechzoneException;
import java.time.Instant;
import java.util.UUID;

/**
 * The requested slot overlaps an active (pending or confirmed) booking of the same service:
 * refused by the exclusion constraint {@code ex_bookings_no_overlap} (SQLState {@code 23P01}).
 * Nothing was written.
 */
public class BookingConflictException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final UUID serviceId;
    private final Instant startsAt;
    private final Instant endsAt;

    /**
     * @param serviceId the service, or null if unknown
     * @param startsAt the requested start, or null if unknown
     * @param endsAt the requested end, or null if unknown
     * @param cause the driver's exception
     */
    public BookingConflictException(UUID serviceId, Instant startsAt, Instant endsAt, Throwable cause) {
        super("The slot " + (startsAt == null ? "" : "[" + startsAt + ", " + endsAt + ") ")
                + "overlaps an active booking" + (serviceId == null ? "" : " of service " + serviceId),
                cause, "23P01", "ex_bookings_no_overlap");
        this.serviceId = serviceId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    /** The service, if known. */
    public UUID serviceId() {
        return serviceId;
    }

    /** The requested start, if known. */
    public Instant startsAt() {
        return startsAt;
    }

    /** The requested end, if known. */
    public Instant endsAt() {
        return endsAt;
    }
}
