package com.techzone.core.user;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Emails;

/**
 * What it takes to create a user with a password hash the caller computed (with
 * {@link PasswordHasher} or its own scheme). To create one from a plain password use
 * {@link Accounts#register}. {@link #toString()} never shows the hash.
 *
 * @param email name@domain, at most 255 characters; stored normalised (Unicode NFC, lower case), so it
 *        is unique regardless of case and of how its accented letters are encoded
 * @param passwordHash 1..255 characters; never a plain password
 * @param fullName 1..200 characters
 * @param role null means {@link Role#USER}
 * @throws InvalidInputException if a value breaks those rules
 */
public record NewUser(String email, String passwordHash, String fullName, Role role) {

    /** Validates the values and normalises the email; a null role becomes {@link Role#USER}. */
    public NewUser {
        email = Emails.normalize("email", email);
        Checks.text("passwordHash", passwordHash, 1, 255);
        Checks.text("fullName", fullName, 1, 200);
        role = role == null ? Role.USER : role;
    }

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", passwordHash=****, fullName=" + fullName + ", role=" + role + "]";
    }
}
