package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sessions waiting on a lock, with the pids blocking them (any wait is WARNING, past 60 s CRITICAL).
 * A wait is timed from {@code pg_locks.waitstart}, when it began, not from the statement's start.
 */
final class LockWaitsCheck extends OperationsCheck {

    LockWaitsCheck() {
        super("lock-waits", "Blocked lock waits");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> blind = withoutStatistics(context, "other roles' sessions (their wait events and query)");
        if (blind.isPresent()) {
            return List.of(blind.get());
        }
        return context.query(getClass(), rs -> {
            int pid = rs.getInt("pid");
            Integer[] blocking = (Integer[]) rs.getArray("blocking_pids").getArray();
            String blockers = String.join(", ", Arrays.stream(blocking).map(String::valueOf).toList());
            // Whole seconds waited so far, the same figure in the message, the measured value and the judgement.
            long waited = (long) Math.floor(rs.getDouble("waiting_seconds"));
            Issue issue = judged(context, Metric.LOCK_WAIT_SECONDS, waited, "pid " + pid,
                    "Backend " + pid + " (" + rs.getString("usename") + ") waits on a lock held by pid " + blockers
                            + " for " + waited + " s: " + rs.getString("query"));
            if (issue.severity() == com.techzone.health.Severity.INFO) {
                issue = Issue.warning(issue.object(), "Backend " + pid + " waits on a lock held by pid " + blockers
                        + ": " + rs.getString("query")).measured(waited + " s");
            }
            return issue.fix("Find what pid " + blockers + " is doing (pg_stat_activity); if it must go: SELECT pg_cancel_backend("
                    + (blocking.length > 0 ? blocking[0] : "<pid>") + ");");
        });
    }
}
