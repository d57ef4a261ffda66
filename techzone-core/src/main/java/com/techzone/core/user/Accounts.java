package com.techzone.core.user;

import com.techzone.core.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/**
 * User accounts with passwords: register, authenticate, change password, and erase on request.
 * Plain passwords are hashed with {@link PasswordHasher} and wiped; hashes never leave this class.
 * Get one from {@link com.techzone.core.Techzone#accounts()}.
 */
public interface Accounts {

    /**
     * Creates a user from a plain password, which is hashed and then wiped.
     *
     * @throws DuplicateEmailException if the email is taken in any letter case or Unicode form (the
     *         address is stored normalised: NFC, lower case)
     * @throws com.techzone.core.InvalidInputException for a malformed email, an empty name, a password outside 8..1000 characters
     */
    User register(String email, char[] password, String fullName, Role role);

    /**
     * Checks a login; the email is compared in its normalised form (Unicode NFC, lower case). On
     * success records {@code last_login_at} and returns the user; a wrong
     * password, an unknown email and a deactivated or anonymised account all give an empty result
     * (the caller cannot tell which, by design). Wipes {@code password}.
     */
    Optional<User> authenticate(String email, char[] password);

    /**
     * Replaces the password.
     *
     * @throws NotFoundException if no user has this id
     */
    void changePassword(UUID userId, char[] newPassword);

    /**
     * Erases a user's personal data on request, keeping nothing personal: {@code erase(userId,
     * ErasureOptions.defaults())}.
     *
     * @throws NotFoundException if no user has this id
     */
    ErasureOutcome erase(UUID userId);

    /**
     * Erases a user's personal data on request, in one transaction. Everything tied to the person,
     * by user id or by their (normalised) email address, is removed or redacted:
     * <ul>
     *   <li>contact messages (theirs, and guest messages sent from their address): deleted;</li>
     *   <li>bookings (theirs, and guest bookings made with their address): name and email replaced
     *       by placeholders, notes removed; the slot stays;</li>
     *   <li>a user without orders: deleted (cart and reviews cascade);</li>
     *   <li>a user with orders, which must be kept for accounting: cart and reviews deleted; on each
     *       order the shipping address (unless {@link ErasureOptions#keepShippingAddresses()}), the
     *       idempotency key and its fingerprint set to NULL, and the notes of its status history
     *       (staff notes) removed; the account gets a placeholder email and name, an unusable
     *       password hash, is deactivated and {@code anonymized_at} is set.</li>
     * </ul>
     * docs/usage.md lists every column and what erasure does to it.
     *
     * @param options what the host must keep; null means {@link ErasureOptions#defaults()}
     * @throws NotFoundException if no user has this id
     */
    ErasureOutcome erase(UUID userId, ErasureOptions options);
}
