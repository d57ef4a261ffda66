package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Sessions idle in an open transaction past the limit (30 s warning, 300 s critical): they hold locks and block vacuum. */
final class IdleInTransactionCheck extends OperationsCheck {

    IdleInTransactionCheck() {
        super("idle-in-transaction", "Sessions idle in transaction");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> blind = withoutStatistics(context, "other roles' sessions (their state, start times and query)");
        if (blind.isPresent()) {
            return List.of(blind.get());
        }
        return context.query(getClass(), rs -> {
            int pid = rs.getInt("pid");
            return judged(context, Metric.IDLE_IN_TRANSACTION_SECONDS, rs.getDouble("idle_seconds"), "pid " + pid,
                    "Backend " + pid + " (" + rs.getString("usename") + ") is " + rs.getString("state") + " for "
                            + Math.round(rs.getDouble("idle_seconds")) + " s; last query: " + rs.getString("query"))
                    .fix("Fix the code path that leaves the transaction open; meanwhile SET idle_in_transaction_session_timeout, "
                            + "or SELECT pg_terminate_backend(" + pid + ");");
        }, context.threshold(Metric.IDLE_IN_TRANSACTION_SECONDS).warning());
    }
}
