package com.techzone.core.user;

import com.techzone.core.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with the JDK only: PBKDF2WithHmacSHA256, a random 16-byte salt per password,
 * a 256-bit derived key. The stored form is {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (base64), so the iteration count can be raised later without invalidating stored hashes.
 * Plain passwords are taken as {@code char[]} and wiped after use; they are never stored, logged or
 * returned.
 */
public final class PasswordHasher {

    /** The default iteration count: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The fewest iterations this class accepts. */
    public static final int MIN_ITERATIONS = 1_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    /** A hasher with {@value #DEFAULT_ITERATIONS} iterations. */
    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /**
     * A hasher with another iteration count (lower only for tests; higher as hardware gets faster).
     *
     * @throws InvalidInputException naming {@code iterations} if below {@value #MIN_ITERATIONS}
     */
    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new InvalidInputException("iterations", "must be at least " + MIN_ITERATIONS + ", was " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * Hashes a password with a fresh salt and wipes {@code password}.
     *
     * @param password 8..1000 characters
     * @throws InvalidInputException if the password is null or its length is outside 8..1000
     */
    public String hash(char[] password) {
        if (password == null || password.length < 8 || password.length > 1000) {
            throw new InvalidInputException("password", "must be 8 to 1000 characters");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] hash = derive(password, salt, iterations);
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Whether {@code password} matches {@code storedHash} (compared in constant time); wipes
     * {@code password}. A hash not in this class's format never matches.
     */
    public boolean verify(char[] password, String storedHash) {
        if (password == null) {
            return false;
        }
        try {
            if (storedHash == null) {
                return false;
            }
            String[] parts = storedHash.split("\\$");
            if (parts.length != 4 || !PREFIX.equals(parts[0])) {
                return false;
            }
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + ALGORITHM + ", iterations=" + iterations + "]";
    }
}
