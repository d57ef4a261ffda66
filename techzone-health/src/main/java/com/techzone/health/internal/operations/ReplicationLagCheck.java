package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** Replay lag of each replica (and of this server when it is one): 60 s warning, 300 s critical. */
final class ReplicationLagCheck extends OperationsCheck {

    ReplicationLagCheck() {
        super("replication-lag", "Replication lag");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        List<Issue> issues = context.query(getClass(), rs -> {
            double lag = rs.getDouble("lag_seconds");
            String replica = rs.getString("replica");
            return judged(context, Metric.REPLICATION_LAG_SECONDS, Math.floor(lag), replica,
                    "Replica " + replica + " (" + rs.getString("state") + ") replays " + Math.round(lag) + " s behind");
        });
        return issues.isEmpty() ? List.of(Issue.info("replication", "No replicas: nothing to judge; the report advises "
                + "streaming replication for high availability")) : issues;
    }
}
