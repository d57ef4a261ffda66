package com.techzone.health;

import java.util.Objects;

/**
 * One thing a check found. Text fields never contain a password: the runner masks JDBC URLs and
 * password literals before a finding is created.
 *
 * @param checkId the id of the check that found it, e.g. {@code schema.foreign-key-indexes}
 * @param severity how much it matters
 * @param object what it is about: a table, {@code table.column}, an index, a constraint, a setting,
 *     a backend pid, or the database; never null
 * @param message what was found, in words a person understands; never null
 * @param measured the measured value with its unit, or null when there is nothing to measure
 * @param threshold the limit it was judged against, or null when it was not judged
 * @param recommendation what to do, with the SQL to run where there is one, or null
 */
public record Finding(String checkId, Severity severity, String object, String message,
                      String measured, String threshold, String recommendation) {

    /** @throws NullPointerException if checkId, severity, object or message is null */
    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
    }
}
