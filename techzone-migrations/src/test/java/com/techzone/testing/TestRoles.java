package com.techzone.testing;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Role names unique to one test run, and their removal, so that tests creating roles can share an
 * external server (roles are cluster-wide) with other runs and leave nothing behind.
 */
public final class TestRoles {

    private static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

    private TestRoles() {
    }

    /** {@code prefix} followed by this run's six hex digits: a lower-case identifier of at most 63 characters. */
    public static String unique(String prefix) {
        return prefix + "_" + RUN;
    }

    /**
     * Drops the roles if they exist. Call it after the databases in which they own objects or hold
     * privileges were dropped.
     */
    public static void drop(String... roles) {
        try (TestDatabase scratch = TestPostgres.get().createEmptyDatabase()) {
            for (String role : roles) {
                scratch.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
