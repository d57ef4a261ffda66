package com.techzone.core.user;

import com.techzone.core.Page;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Emails;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code users} table. No method reads or returns the password hash; authentication and
 * erasure live in {@link Accounts}.
 */
public interface UserDao {

    /**
     * Creates a user with a password hash the caller computed.
     *
     * @throws DuplicateEmailException if the email is taken, in any letter case
     */
    default User create(NewUser user) {
        return insert(Uuids.v7(), user);
    }

    /** The insert behind {@link #create}, with the id chosen by the caller. */
    @SqlQuery("""
            INSERT INTO <schema>.users (id, email, password_hash, full_name, role)
            VALUES (:id, :u.email, :u.passwordHash, :u.fullName, :u.role::<schema>.user_role)
            RETURNING id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at""")
    User insert(UUID id, @BindMethods("u") NewUser user);

    /** The user with this id, if any. */
    @SqlQuery("""
            SELECT id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at
            FROM <schema>.users WHERE id = :id""")
    Optional<User> findById(UUID id);

    /**
     * The user with this email, compared in its normalised form (Unicode NFC, lower-cased in Java,
     * so regardless of case and accent encoding on any database locale; index
     * {@code uq_users_email_lower}). Empty for null or an unknown address.
     */
    default Optional<User> findByEmail(String email) {
        return findByNormalizedEmail(Emails.fold(email));
    }

    /** The query behind {@link #findByEmail}; {@code email} must already be normalised. */
    @SqlQuery("""
            SELECT id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at
            FROM <schema>.users WHERE lower(email) = lower(:email)""")
    Optional<User> findByNormalizedEmail(String email);

    /**
     * All users in id order (creation order for ids made by this library), a page at a time.
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<User> list(String cursor, int pageSize) {
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_ID);
        return Keyset.page(listAfter(after.id(), Keyset.fetchSize(pageSize)), pageSize, User::id, u -> "");
    }

    /** The keyset query behind {@link #list}. */
    @SqlQuery("""
            SELECT id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at
            FROM <schema>.users WHERE id > :afterId ORDER BY id LIMIT :limit""")
    List<User> listAfter(UUID afterId, int limit);

    /**
     * Changes the display name.
     *
     * @return the updated user, empty if none has this id
     */
    default Optional<User> rename(UUID id, String fullName) {
        Checks.text("fullName", fullName, 1, 200);
        return updateFullName(id, fullName);
    }

    /** The update behind {@link #rename}. */
    @SqlQuery("""
            UPDATE <schema>.users SET full_name = :fullName WHERE id = :id
            RETURNING id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at""")
    Optional<User> updateFullName(UUID id, String fullName);

    /**
     * Changes the login email (stored normalised, like {@link NewUser#email()}).
     *
     * @return the updated user, empty if none has this id
     * @throws DuplicateEmailException if another account uses it, in any letter case
     */
    default Optional<User> changeEmail(UUID id, String email) {
        return updateEmail(id, Emails.normalize("email", email));
    }

    /** The update behind {@link #changeEmail}; {@code email} must already be normalised. */
    @SqlQuery("""
            UPDATE <schema>.users SET email = :email WHERE id = :id
            RETURNING id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at""")
    Optional<User> updateEmail(UUID id, String email);

    /** Changes the role; returns whether a user with this id exists. */
    @SqlUpdate("UPDATE <schema>.users SET role = :role::<schema>.user_role WHERE id = :id")
    boolean changeRole(UUID id, Role role);

    /** Blocks logins; returns whether the user was active. Orders, reviews and bookings stay. */
    @SqlUpdate("UPDATE <schema>.users SET is_active = false WHERE id = :id AND is_active")
    boolean deactivate(UUID id);

    /**
     * Deletes a user without orders (their cart and reviews go too; bookings stay, without user).
     * For an erasure request use {@link Accounts#erase}, which also handles users with orders.
     *
     * @return whether a row was deleted
     * @throws com.techzone.core.ConstraintViolationException {@code fk_orders_user_id} if the user has orders
     */
    @SqlUpdate("DELETE FROM <schema>.users WHERE id = :id")
    boolean delete(UUID id);

    /** How many users exist, active or not. */
    @SqlQuery("SELECT count(*) FROM <schema>.users")
    long count();
}
