package com.techzone.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One read replica and the latest verdict on it: reachable, and how far its replay lags. The
 * verdict is trusted for {@code checkInterval}; the first caller that finds it older runs the check
 * (one query), while concurrent callers treat the replica as unusable until it is done.
 */
final class Replica {

    /**
     * The replay lag in seconds: 0 when everything received is replayed and a WAL receiver is
     * running (a replica cut off from its primary has replayed all it received and still falls
     * behind, so without a receiver the time since the last replayed commit counts); else the
     * time since the last replayed commit; null when nothing was replayed since the replica
     * started. A server not in recovery (a promoted replica) is not behind.
     */
    static final String LAG_SECONDS = """
            SELECT CASE
                     WHEN NOT pg_is_in_recovery() THEN 0
                     WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                          AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0
                     ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
                   END AS lag_seconds""";

    private final SchemaJdbi jdbi;
    private final double maxLagSeconds;
    private final long intervalNanos;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Verdict verdict;

    Replica(SchemaJdbi jdbi, Duration maxLag, Duration checkInterval) {
        this.jdbi = jdbi;
        this.maxLagSeconds = maxLag.toNanos() / 1e9;
        this.intervalNanos = checkInterval.toNanos();
        this.verdict = new Verdict(System.nanoTime() - intervalNanos - 1, false, "not checked yet");
    }

    /** Whether reads may go to this replica at {@code now} ({@link System#nanoTime()}); may run the check. */
    boolean usable(long now) {
        Verdict current = verdict;
        if (now - current.checkedAt() <= intervalNanos) {
            return current.usable();
        }
        if (!checking.compareAndSet(false, true)) {
            return false;
        }
        try {
            Verdict fresh = check(now);
            verdict = fresh;
            return fresh.usable();
        } finally {
            checking.set(false);
        }
    }

    /** A call found the replica unreachable: skipped until the next check, an interval from now. */
    void markUnreachable(String reason) {
        verdict = new Verdict(System.nanoTime(), false, reason);
    }

    private Verdict check(long now) {
        Double lag;
        try {
            lag = jdbi.jdbi().withHandle(h -> h.createQuery(LAG_SECONDS).mapTo(Double.class).one());
        } catch (RuntimeException e) {
            return new Verdict(now, false, "unreachable: " + Errors.translate(e).getMessage());
        }
        if (lag == null) {
            return new Verdict(now, false, "nothing replayed yet");
        }
        if (lag > maxLagSeconds) {
            return new Verdict(now, false, "replay lag " + lag + " s over " + maxLagSeconds + " s");
        }
        return new Verdict(now, true, "replay lag " + lag + " s");
    }

    @Override
    public String toString() {
        return "Replica[" + verdict.reason() + "]";
    }

    /**
     * @param checkedAt when the check started ({@link System#nanoTime()}): the lag was measured after it
     */
    private record Verdict(long checkedAt, boolean usable, String reason) {
    }
}
