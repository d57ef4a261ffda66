package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The HikariCP pool behind the data source: active, idle, total and waiting threads (any waiter is
 * WARNING). HikariCP is an optional dependency: without it, or for another DataSource, the check
 * says so (INFO) and judges nothing.
 */
final class HikariPoolCheck extends OperationsCheck {

    HikariPoolCheck() {
        super("connection-pool", "Connection pool (HikariCP)");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        DataSource dataSource = context.poolDataSource();
        if (!HikariMetrics.available() || !HikariMetrics.isHikari(dataSource)) {
            return List.of(Issue.info("pool", "Not a HikariDataSource (" + dataSource.getClass().getSimpleName()
                    + "): pool metrics not reported"));
        }
        HikariMetrics.Snapshot pool = HikariMetrics.read(dataSource);
        if (pool == null) {
            return List.of(Issue.info("pool", "The HikariCP pool has not started yet"));
        }
        Issue issue = judged(context, Metric.POOL_WAITING_THREADS, pool.waiting(), "pool " + pool.name(),
                "Pool " + pool.name() + ": " + pool.active() + " active, " + pool.idle() + " idle, " + pool.total()
                        + " of " + pool.maximum() + " connections, " + pool.waiting() + " thread(s) waiting");
        return List.of(pool.waiting() > context.threshold(Metric.POOL_WAITING_THREADS).warning()
                ? issue.fix("Threads wait for connections: shorten transactions, or raise maximumPoolSize within max_connections")
                : issue);
    }
}
