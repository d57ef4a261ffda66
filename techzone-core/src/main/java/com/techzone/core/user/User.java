package com.techzone.core.user;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A user account. Carries no password and no password hash: those never leave {@link Accounts}.
 *
 * @param id the key
 * @param email login email, unique regardless of case; a placeholder after anonymisation
 * @param fullName display name
 * @param role what the user may do
 * @param active whether the user may log in
 * @param lastLoginAt the last successful {@link Accounts#authenticate}, or null
 * @param anonymizedAt when the account was anonymised on an erasure request, or null
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record User(UUID id, String email, String fullName, Role role, @ColumnName("is_active") boolean active,
                   Instant lastLoginAt, Instant anonymizedAt, Instant createdAt, Instant updatedAt) {
}
