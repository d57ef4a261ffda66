package com.techzone.core.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking of a service for a time slot {@code [startsAt, endsAt)}.
 *
 * @param id the key
 * @param serviceId the service booked
 * @param userId the user who booked, or null for a guest booking
 * @param contactName who to expect
 * @param contactEmail how to reach them
 * @param startsAt start of the slot, inclusive
 * @param endsAt end of the slot, exclusive; after the start
 * @param status where it stands
 * @param notes free text, or null
 * @param createdAt when it was made
 * @param updatedAt when it last changed
 */
public record Booking(UUID id, UUID serviceId, UUID userId, String contactName, String contactEmail, Instant startsAt,
                      Instant endsAt, BookingStatus status, String notes, Instant createdAt, Instant updatedAt) {
}
