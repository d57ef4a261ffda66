package com.techzone.core.internal;

import com.techzone.core.ConcurrencyFailureException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Runs workflow transactions: on our own handle with bounded retries of deadlocks and
 * serialization failures, or inside a transaction the host already holds (never retried there:
 * the host owns that transaction and decides).
 */
public final class Transactions {

    /** How many times a workflow transaction runs before a deadlock or serialization failure is given up on. */
    public static final int MAX_ATTEMPTS = 5;

    private Transactions() {
    }

    /** Runs {@code work} in a new transaction, retried on 40001/40P01, errors translated. */
    public static <R> R inTransaction(SchemaJdbi jdbi, HandleCallback<R, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (!Errors.isRetryable(e)) {
                    throw Errors.translate(e);
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConcurrencyFailureException("Gave up after " + attempt
                            + " attempts, each lost to a concurrent transaction: " + e.getMessage(),
                            e, Errors.sqlState(e), attempt);
                }
                // Jittered backoff, so the transactions that collided do not collide again in step.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
            }
        }
    }

    /**
     * Runs {@code work} inside the host's transaction if the handle is in one (no retry: a failure
     * leaves that transaction for the host to roll back), else in a new transaction on the handle;
     * its statements reach {@code jdbi}'s schema.
     */
    public static <R> R inTransaction(SchemaJdbi jdbi, Handle handle, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.onHostHandle(handle, h -> h.isInTransaction() ? work.withHandle(h) : h.inTransaction(work));
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }
}
