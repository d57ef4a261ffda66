package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replay lag of each replica (and of this server when it is one): 60 s warning, 300 s critical. Also
 * replication slots that no client uses but that retain WAL (WARNING): their WAL piles up in pg_wal
 * until the disk is full. Its second query is {@code ReplicationSlots.sql}.
 */
final class ReplicationLagCheck extends OperationsCheck {

    ReplicationLagCheck() {
        super("replication-lag", "Replication lag and inactive slots");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        List<Issue> issues = new ArrayList<>(context.query(getClass(), rs -> {
            double lag = rs.getDouble("lag_seconds");
            String replica = rs.getString("replica");
            return judged(context, Metric.REPLICATION_LAG_SECONDS, Math.floor(lag), replica,
                    "Replica " + replica + " (" + rs.getString("state") + ") replays " + Math.round(lag) + " s behind");
        }));
        boolean replicas = !issues.isEmpty();
        issues.addAll(context.queryNamed(getClass(), "ReplicationSlots", rs -> {
            String slot = rs.getString("slot_name");
            long retained = rs.getLong("retained_bytes");
            return Issue.warning("slot " + slot, "Replication slot " + slot + " (" + rs.getString("slot_type")
                            + ") is inactive and retains " + CheckContext.bytes(retained) + " of WAL; it grows until pg_wal fills the disk")
                    .measured(CheckContext.bytes(retained)).threshold("no inactive slot")
                    .fix("Reconnect its consumer, or if it is gone for good: SELECT pg_drop_replication_slot('" + slot
                            + "'); cap the risk with max_slot_wal_keep_size");
        }));
        if (!replicas) {
            issues.add(0, Issue.info("replication", "No replicas: no lag to judge; the report advises "
                    + "streaming replication for high availability"));
        }
        return issues;
    }
}
