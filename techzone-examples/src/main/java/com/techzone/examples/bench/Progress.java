package com.techzone.examples.bench;

import java.io.PrintWriter;

/**
 * The one-line progress display on stderr: each {@link #update} overwrites the line (carriage
 * return), {@link #done} ends it. Progress never goes to stdout, which carries only the results.
 */
public final class Progress {

    private final PrintWriter err;
    private int lastLength;

    /** A display writing to the given stream (normally stderr). */
    public Progress(PrintWriter err) {
        this.err = err;
    }

    /** A display that prints nothing, for library use and tests that do not care. */
    public static Progress silent() {
        return new Progress(new PrintWriter(PrintWriter.nullWriter()));
    }

    /** Replaces the current line with the text. */
    public synchronized void update(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        err.flush();
        lastLength = text.length();
    }

    /** Replaces the current line with the text and ends the line. */
    public synchronized void done(String text) {
        update(text);
        err.println();
        err.flush();
        lastLength = 0;
    }
}
