package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Connection usage of the usable slots, {@code max_connections - superuser_reserved_connections -
 * reserved_connections} (the last from PostgreSQL 16): once those are taken, the application's
 * next connection is refused. The report's > 70% warning, > 90% critical.
 */
final class ConnectionUsageCheck extends OperationsCheck {

    ConnectionUsageCheck() {
        super("connections", "Connection usage of the usable slots");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> blind = withoutStatistics(context, "which sessions are client backends");
        if (blind.isPresent()) {
            return List.of(blind.get());
        }
        return context.query(getClass(), rs -> {
            int used = rs.getInt("used");
            int max = rs.getInt("max_connections");
            int reserved = rs.getInt("superuser_reserved") + rs.getInt("reserved");
            int usable = Math.max(max - reserved, 1);
            double percent = 100.0 * used / usable;
            return judged(context, Metric.CONNECTION_USAGE_PERCENT, percent, "max_connections",
                    used + " of " + usable + " usable connections in use (max_connections " + max + ", " + reserved
                            + " reserved: superuser_reserved_connections + reserved_connections)")
                    .fix(percent > context.threshold(Metric.CONNECTION_USAGE_PERCENT).warning()
                            ? "Pool connections (HikariCP maximumPoolSize per instance x instances well below the usable slots); "
                            + "look for leaks and idle sessions in pg_stat_activity" : null);
        });
    }
}
