package com.techzone.health.internal;

import com.techzone.health.CheckGroup;
import java.sql.SQLException;
import java.util.List;

/**
 * One check. Implementations are small, stateless and package-private in the package of their
 * group; their SQL is the resource {@code <SimpleClassName>.sql} beside the class, whose first line
 * says what it finds. A check throws when it cannot measure; the runner turns that into UNKNOWN.
 */
public interface HealthCheck {

    /** Stable id, {@code <group>.<name>}, e.g. {@code schema.tables}. */
    String id();

    /** The group it belongs to. */
    CheckGroup group();

    /** A short title for people. */
    String title();

    /** True when it judges cumulative statistics rather than the schema alone. */
    default boolean runtime() {
        return false;
    }

    /** True for the six checks of the schema score. */
    default boolean scored() {
        return false;
    }

    /**
     * Runs the check inside the run's read-only transaction.
     *
     * @return what it found; empty when all is well
     * @throws SQLException when a query fails (timeout, privilege, missing extension)
     */
    List<Issue> run(CheckContext context) throws SQLException;
}
