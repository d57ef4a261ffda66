package com.techzone.core.user;

import com.techzone.core.NotFoundException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Errors;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import java.util.Optional;
import java.util.UUID;

/**
 * User accounts with passwords: register, authenticate, change password, and erase on request.
 * Plain passwords are hashed with {@link PasswordHasher} and wiped; hashes never leave this class.
 * Get one from {@link com.techzone.core.Techzone#accounts()}.
 */
public final class Accounts {

    private static final String USER_COLUMNS =
            "id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at";

    private final SchemaJdbi jdbi;
    private final PasswordHasher hasher;

    /**
     * @param jdbi the facade's Jdbi and schema; get one from {@link com.techzone.core.Techzone}
     * @param hasher how passwords are hashed
     */
    public Accounts(SchemaJdbi jdbi, PasswordHasher hasher) {
        this.jdbi = jdbi;
        this.hasher = hasher;
    }

    /**
     * Creates a user from a plain password, which is hashed and then wiped.
     *
     * @throws DuplicateEmailException if the email is taken in any letter case
     * @throws com.techzone.core.InvalidInputException for a malformed email, an empty name, a password outside 8..1000 characters
     */
    public User register(String email, char[] password, String fullName, Role role) {
        Checks.email("email", email);
        Checks.text("fullName", fullName, 1, 200);
        NewUser user = new NewUser(email, hasher.hash(password), fullName, role);
        return Transactions.inTransaction(jdbi, h -> h.attach(UserDao.class).insert(Uuids.v7(), user));
    }

    /**
     * Checks a login. On success records {@code last_login_at} and returns the user; a wrong
     * password, an unknown email and a deactivated or anonymised account all give an empty result
     * (the caller cannot tell which, by design). Wipes {@code password}.
     */
    public Optional<User> authenticate(String email, char[] password) {
        if (email == null || password == null || email.indexOf('\0') >= 0) {
            // No stored email holds a NUL (PostgreSQL text cannot): an unknown account, not a driver error.
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
            return Optional.empty();
        }
        Optional<String[]> row;
        try {
            row = jdbi.withHandle(h -> h.createQuery(
                            "SELECT id, password_hash FROM <schema>.users WHERE lower(email) = lower(:email) AND is_active")
                    .bind("email", email)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .findOne());
        } catch (RuntimeException e) {
            java.util.Arrays.fill(password, '\0');
            throw Errors.translate(e);
        }
        if (row.isEmpty() || !hasher.verify(password, row.get()[1])) {
            java.util.Arrays.fill(password, '\0');
            return Optional.empty();
        }
        UUID id = UUID.fromString(row.get()[0]);
        try {
            return jdbi.withHandle(h -> h.createQuery("UPDATE <schema>.users SET last_login_at = now() WHERE id = :id RETURNING " + USER_COLUMNS)
                    .bind("id", id).mapTo(User.class).findOne());
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /**
     * Replaces the password.
     *
     * @throws NotFoundException if no user has this id
     */
    public void changePassword(UUID userId, char[] newPassword) {
        Checks.notNull("userId", userId);
        String hash = hasher.hash(newPassword);
        int updated = Transactions.inTransaction(jdbi, h -> h.createUpdate(
                "UPDATE <schema>.users SET password_hash = :hash WHERE id = :id").bind("hash", hash).bind("id", userId).execute());
        if (updated == 0) {
            throw new NotFoundException("user", userId);
        }
    }

    /**
     * Erases a user's personal data on request. A user without orders is deleted (cart and reviews
     * cascade; contact messages are deleted; bookings keep their slot but lose the name and email).
     * A user with orders, which must be kept for accounting, is anonymised instead: placeholder
     * email and name, an unusable password hash, deactivated, {@code anonymized_at} set, cart,
     * reviews and contact messages deleted, bookings' contact details replaced. One transaction.
     *
     * @throws NotFoundException if no user has this id
     */
    public ErasureOutcome erase(UUID userId) {
        Checks.notNull("userId", userId);
        return Transactions.inTransaction(jdbi, h -> {
            boolean exists = h.createQuery("SELECT true FROM <schema>.users WHERE id = :id FOR UPDATE")
                    .bind("id", userId).mapTo(Boolean.class).findOne().isPresent();
            if (!exists) {
                throw new NotFoundException("user", userId);
            }
            h.createUpdate("""
                    UPDATE <schema>.bookings SET contact_name = 'Erased', contact_email = 'erased@invalid', notes = NULL
                    WHERE user_id = :id""").bind("id", userId).execute();
            h.createUpdate("DELETE FROM <schema>.contacts WHERE user_id = :id").bind("id", userId).execute();
            boolean hasOrders = h.createQuery("SELECT EXISTS (SELECT 1 FROM <schema>.orders WHERE user_id = :id)")
                    .bind("id", userId).mapTo(Boolean.class).one();
            if (!hasOrders) {
                h.createUpdate("DELETE FROM <schema>.users WHERE id = :id").bind("id", userId).execute();
                return ErasureOutcome.DELETED;
            }
            h.createUpdate("DELETE FROM <schema>.cart_items WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("DELETE FROM <schema>.reviews WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("""
                    UPDATE <schema>.users
                    SET email = 'erased-' || id || '@invalid', full_name = 'Erased user',
                        password_hash = '!erased', is_active = false, last_login_at = NULL, anonymized_at = now()
                    WHERE id = :id""").bind("id", userId).execute();
            return ErasureOutcome.ANONYMIZED;
        });
    }
}
