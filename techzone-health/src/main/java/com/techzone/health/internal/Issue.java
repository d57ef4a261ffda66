package com.techzone.health.internal;

import com.techzone.health.Severity;

/** A finding before the runner stamps it with its check id and masks it: built fluently by checks. */
public final class Issue {

    final Severity severity;
    final String object;
    final String message;
    String measured;
    String threshold;
    String recommendation;

    private Issue(Severity severity, String object, String message) {
        this.severity = severity;
        this.object = object;
        this.message = message;
    }

    /** A finding of any severity. */
    public static Issue of(Severity severity, String object, String message) {
        return new Issue(severity, object, message);
    }

    /** Reported, not judged. */
    public static Issue info(String object, String message) {
        return new Issue(Severity.INFO, object, message);
    }

    /** A WARNING. */
    public static Issue warning(String object, String message) {
        return new Issue(Severity.WARNING, object, message);
    }

    /** A CRITICAL finding. */
    public static Issue critical(String object, String message) {
        return new Issue(Severity.CRITICAL, object, message);
    }

    /** Could not be measured. */
    public static Issue unknown(String object, String message) {
        return new Issue(Severity.UNKNOWN, object, message);
    }

    /** The measured value, with its unit. */
    public Issue measured(Object value) {
        this.measured = value == null ? null : value.toString();
        return this;
    }

    /** The limit it was judged against. */
    public Issue threshold(String text) {
        this.threshold = text;
        return this;
    }

    /** What to do; the SQL to run where there is one. */
    public Issue fix(String text) {
        this.recommendation = text;
        return this;
    }

    /** The severity. */
    public Severity severity() {
        return severity;
    }

    /** The object. */
    public String object() {
        return object;
    }
}
