package com.techzone.core.contact;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Emails;
import java.util.UUID;

/**
 * A contact-form message to store. Validated on construction.
 *
 * @param userId the sender's account, or null
 * @param name 1..200 characters
 * @param email name@domain, at most 255 characters; stored normalised (Unicode NFC, lower case)
 * @param subject 1..200 characters
 * @param message 1..5000 characters
 * @throws InvalidInputException if a value breaks those rules
 */
public record NewContactMessage(UUID userId, String name, String email, String subject, String message) {

    /** Validates the values and normalises the email. */
    public NewContactMessage {
        Checks.text("name", name, 1, 200);
        email = Emails.normalize("email", email);
        Checks.text("subject", subject, 1, 200);
        Checks.text("message", message, 1, 5000);
    }
}
