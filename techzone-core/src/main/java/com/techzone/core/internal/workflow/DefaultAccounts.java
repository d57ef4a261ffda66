package com.techzone.core.internal.workflow;

import com.techzone.core.NotFoundException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Emails;
import com.techzone.core.internal.Errors;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Transactions;
import com.techzone.core.internal.Uuids;
import com.techzone.core.internal.dao.UserSql;
import com.techzone.core.user.Accounts;
import com.techzone.core.user.ErasureOptions;
import com.techzone.core.user.ErasureOutcome;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.Role;
import com.techzone.core.user.User;
import java.util.Optional;
import java.util.UUID;

/** The {@link Accounts} the facade hands out. */
public final class DefaultAccounts implements Accounts {

    private static final String USER_COLUMNS =
            "id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at";

    private final SchemaJdbi jdbi;
    private final PasswordHasher hasher;

    /**
     * @param jdbi the facade's Jdbi and schema; get one from {@link com.techzone.core.Techzone}
     * @param hasher how passwords are hashed
     */
    public DefaultAccounts(SchemaJdbi jdbi, PasswordHasher hasher) {
        this.jdbi = jdbi;
        this.hasher = hasher;
    }

    @Override
    public User register(String email, char[] password, String fullName, Role role) {
        String normalized = Emails.normalize("email", email);
        Checks.text("fullName", fullName, 1, 200);
        NewUser user = new NewUser(normalized, hasher.hash(password), fullName, role);
        return Transactions.inTransaction(jdbi, h -> h.attach(UserSql.class).insert(Uuids.v7(), user));
    }

    @Override
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
                    .bind("email", Emails.fold(email))
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

    @Override
    public void changePassword(UUID userId, char[] newPassword) {
        Checks.notNull("userId", userId);
        String hash = hasher.hash(newPassword);
        int updated = Transactions.inTransaction(jdbi, h -> h.createUpdate(
                "UPDATE <schema>.users SET password_hash = :hash WHERE id = :id").bind("hash", hash).bind("id", userId).execute());
        if (updated == 0) {
            throw new NotFoundException("user", userId);
        }
    }

    @Override
    public ErasureOutcome erase(UUID userId) {
        return erase(userId, ErasureOptions.defaults());
    }

    @Override
    public ErasureOutcome erase(UUID userId, ErasureOptions options) {
        Checks.notNull("userId", userId);
        boolean keepAddresses = options != null && options.keepShippingAddresses();
        return Transactions.inTransaction(jdbi, h -> {
            String email = h.createQuery("SELECT email FROM <schema>.users WHERE id = :id FOR UPDATE")
                    .bind("id", userId).mapTo(String.class).findOne()
                    .orElseThrow(() -> new NotFoundException("user", userId));
            String normalized = Emails.fold(email);
            h.createUpdate("""
                    UPDATE <schema>.bookings SET contact_name = 'Erased', contact_email = 'erased@invalid', notes = NULL
                    WHERE user_id = :id OR lower(contact_email) = :email""")
                    .bind("id", userId).bind("email", normalized).execute();
            h.createUpdate("DELETE FROM <schema>.contacts WHERE user_id = :id OR lower(email) = :email")
                    .bind("id", userId).bind("email", normalized).execute();
            boolean hasOrders = h.createQuery("SELECT EXISTS (SELECT 1 FROM <schema>.orders WHERE user_id = :id)")
                    .bind("id", userId).mapTo(Boolean.class).one();
            if (!hasOrders) {
                h.createUpdate("DELETE FROM <schema>.users WHERE id = :id").bind("id", userId).execute();
                return ErasureOutcome.DELETED;
            }
            h.createUpdate("DELETE FROM <schema>.cart_items WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("DELETE FROM <schema>.reviews WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("""
                    UPDATE <schema>.orders
                    SET shipping_address = CASE WHEN :keepAddress THEN shipping_address END,
                        idempotency_key = NULL, idempotency_fingerprint = NULL
                    WHERE user_id = :id""").bind("id", userId).bind("keepAddress", keepAddresses).execute();
            h.createUpdate("""
                    UPDATE <schema>.order_status_history SET note = NULL
                    WHERE order_id IN (SELECT id FROM <schema>.orders WHERE user_id = :id) AND note IS NOT NULL""")
                    .bind("id", userId).execute();
            h.createUpdate("""
                    UPDATE <schema>.users
                    SET email = 'erased-' || id || '@invalid', full_name = 'Erased user',
                        password_hash = '!erased', is_active = false, last_login_at = NULL, anonymized_at = now()
                    WHERE id = :id""").bind("id", userId).execute();
            return ErasureOutcome.ANONYMIZED;
        });
    }
}
