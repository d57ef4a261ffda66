package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** Connection usage of max_connections: the report's > 70% warning, > 90% critical. */
final class ConnectionUsageCheck extends OperationsCheck {

    ConnectionUsageCheck() {
        super("connections", "Connection usage");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            int used = rs.getInt("used");
            int max = rs.getInt("max_connections");
            double percent = 100.0 * used / max;
            return judged(context, Metric.CONNECTION_USAGE_PERCENT, percent, "max_connections",
                    used + " of " + max + " connections in use")
                    .fix(percent > context.threshold(Metric.CONNECTION_USAGE_PERCENT).warning()
                            ? "Pool connections (HikariCP maximumPoolSize per instance x instances well below max_connections); "
                            + "look for leaks and idle sessions in pg_stat_activity" : null);
        });
    }
}
