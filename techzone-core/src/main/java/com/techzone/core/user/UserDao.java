package com.techzone.core.user;

import com.techzone.core.Page;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code users} table. No method reads or returns the password hash; authentication and
 * erasure live in {@link Accounts}.
 * Every method refuses a null argument (but a {@code cursor}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface UserDao {

    /**
     * Creates a user with a password hash the caller computed.
     *
     * @throws DuplicateEmailException if the email is taken, in any letter case
     */
    User create(NewUser user);

    /** The user with this id, if any. */
    Optional<User> findById(UUID id);

    /**
     * The user with this email, compared in its normalised form (Unicode NFC, lower-cased in Java,
     * so regardless of case and accent encoding on any database locale; index
     * {@code uq_users_email_lower}). Empty for an unknown address.
     */
    Optional<User> findByEmail(String email);

    /**
     * All users in id order (creation order for ids made by this library), a page at a time.
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<User> list(String cursor, int pageSize);

    /**
     * Changes the display name.
     *
     * @return the updated user, empty if none has this id
     */
    Optional<User> rename(UUID id, String fullName);

    /**
     * Changes the login email (stored normalised, like {@link NewUser#email()}).
     *
     * @return the updated user, empty if none has this id
     * @throws DuplicateEmailException if another account uses it, in any letter case
     */
    Optional<User> changeEmail(UUID id, String email);

    /** Changes the role; returns whether a user with this id exists. */
    boolean changeRole(UUID id, Role role);

    /** Blocks logins; returns whether the user was active. Orders, reviews and bookings stay. */
    boolean deactivate(UUID id);

    /**
     * Deletes a user without orders (their cart and reviews go too; bookings stay, without user).
     * For an erasure request use {@link Accounts#erase}, which also handles users with orders.
     *
     * @return whether a row was deleted
     * @throws com.techzone.core.ConstraintViolationException {@code fk_orders_user_id} if the user has orders
     */
    boolean delete(UUID id);

    /** How many users exist, active or not. */
    long count();
}
