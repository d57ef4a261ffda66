package com.techzone.core.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * A message sent through the contact form.
 *
 * @param id the key
 * @param userId the sender's account, or null for a visitor
 * @param name the sender's name
 * @param email where to answer
 * @param subject 1..200 characters
 * @param message 1..5000 characters
 * @param status where it stands
 * @param createdAt when it was sent
 * @param updatedAt when it last changed
 */
public record ContactMessage(UUID id, UUID userId, String name, String email, String subject, String message,
                             ContactStatus status, Instant createdAt, Instant updatedAt) {
}
