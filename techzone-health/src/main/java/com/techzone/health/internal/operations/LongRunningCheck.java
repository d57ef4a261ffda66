package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Active queries whose transaction has run past the limit (60 s warning, 300 s critical by default). */
final class LongRunningCheck extends OperationsCheck {

    LongRunningCheck() {
        super("long-running", "Long-running queries and transactions");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> blind = withoutStatistics(context, "other roles' sessions (their state, start times and query)");
        if (blind.isPresent()) {
            return List.of(blind.get());
        }
        return context.query(getClass(), rs -> {
            int pid = rs.getInt("pid");
            return judged(context, Metric.LONG_RUNNING_SECONDS, rs.getDouble("xact_seconds"), "pid " + pid,
                    "Backend " + pid + " (" + rs.getString("usename") + ") has been in a transaction for "
                            + Math.round(rs.getDouble("xact_seconds")) + " s, its query for " + Math.round(rs.getDouble("query_seconds"))
                            + " s: " + rs.getString("query"))
                    .fix("If it must not run: SELECT pg_cancel_backend(" + pid + ");");
        }, context.threshold(Metric.LONG_RUNNING_SECONDS).warning());
    }
}
