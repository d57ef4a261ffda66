package com.techzone.health;

/**
 * The verdict on a check or on a whole run. The overall status of a run is the worst of its checks,
 * in the order of check_postgres: CRITICAL, then WARNING, then UNKNOWN, then HEALTHY (a known problem
 * outranks a check that could not run).
 */
public enum Status {
    /** Nothing to act on. Exit code 0. */
    HEALTHY(0),
    /** Something to act on soon. Exit code 1. */
    WARNING(1),
    /** Something to act on now. Exit code 2. */
    CRITICAL(2),
    /** A check could not run (timeout, missing privilege, missing extension). Exit code 3. */
    UNKNOWN(3);

    private final int exitCode;

    Status(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The Nagios / check_postgres exit code: 0 HEALTHY, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
    public int exitCode() {
        return exitCode;
    }

    /** Rank for aggregation: HEALTHY 0, UNKNOWN 1, WARNING 2, CRITICAL 3. */
    int rank() {
        return switch (this) {
            case HEALTHY -> 0;
            case UNKNOWN -> 1;
            case WARNING -> 2;
            case CRITICAL -> 3;
        };
    }

    /** The worse of this status and the other one, in the order described on the type. */
    public Status worse(Status other) {
        return other.rank() > rank() ? other : this;
    }
}
