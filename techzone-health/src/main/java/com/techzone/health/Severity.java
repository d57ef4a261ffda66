package com.techzone.health;

/** How much a single finding matters. */
public enum Severity {
    /** Reported, not judged: a measurement, a recommendation, or "statistics too young to judge". */
    INFO,
    /** Act on it soon; makes its check WARNING. */
    WARNING,
    /** Act on it now; makes its check CRITICAL. */
    CRITICAL,
    /** The check could not measure (timeout, privilege, missing extension); makes its check UNKNOWN. */
    UNKNOWN;

    /** The check status a finding of this severity implies: INFO maps to HEALTHY. */
    public Status status() {
        return switch (this) {
            case INFO -> Status.HEALTHY;
            case WARNING -> Status.WARNING;
            case CRITICAL -> Status.CRITICAL;
            case UNKNOWN -> Status.UNKNOWN;
        };
    }
}
