package com.techzone.core.booking;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Emails;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking request. Validated on construction.
 *
 * @param serviceId required
 * @param userId the booking user, or null for a guest
 * @param contactName 1..200 characters; required for guests and users alike
 * @param contactEmail name@domain, at most 255 characters; stored normalised (Unicode NFC, lower case)
 * @param startsAt required
 * @param endsAt required, after {@code startsAt}
 * @param notes at most 5000 characters, or null
 * @throws InvalidInputException if a value breaks those rules
 */
public record NewBooking(UUID serviceId, UUID userId, String contactName, String contactEmail, Instant startsAt,
                         Instant endsAt, String notes) {

    /** Validates the values and normalises the email. */
    public NewBooking {
        Checks.notNull("serviceId", serviceId);
        Checks.text("contactName", contactName, 1, 200);
        contactEmail = Emails.normalize("contactEmail", contactEmail);
        Checks.range("startsAt", startsAt, "endsAt", endsAt);
        Checks.optionalText("notes", notes, 0, 5000);
    }

    /** A guest booking: no user account, only contact details. */
    public static NewBooking guest(UUID serviceId, String contactName, String contactEmail, Instant startsAt, Instant endsAt) {
        return new NewBooking(serviceId, null, contactName, contactEmail, startsAt, endsAt, null);
    }
}
