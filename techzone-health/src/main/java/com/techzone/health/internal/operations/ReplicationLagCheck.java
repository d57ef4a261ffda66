package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replay lag of each replica (and of this server when it is one): 60 s warning, 300 s critical. A
 * replica that has replayed all the WAL it received is 0 behind, however long the primary has been
 * idle. Also replication slots that no client uses but that retain WAL (WARNING): their WAL piles up
 * in pg_wal until the disk is full ({@code ReplicationSlots.sql}). On a replica, queries of this
 * database cancelled by recovery conflicts (WARNING) and hot_standby_feedback (INFO)
 * ({@code StandbyState.sql}).
 */
final class ReplicationLagCheck extends OperationsCheck {

    ReplicationLagCheck() {
        super("replication-lag", "Replication lag, inactive slots, standby conflicts");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> blind = withoutStatistics(context, "the replicas' replay lag (pg_stat_replication)");
        List<Issue> issues = new ArrayList<>();
        if (blind.isPresent()) {
            issues.add(blind.get());
        } else {
            issues.addAll(context.query(getClass(), rs -> {
                double lag = rs.getDouble("lag_seconds");
                String replica = rs.getString("replica");
                String who = "this server (replica)".equals(replica)
                        ? "This server is a replica and" : "Replica " + replica + " (" + rs.getString("state") + ")";
                return judged(context, Metric.REPLICATION_LAG_SECONDS, Math.floor(lag), replica,
                        who + " replays " + Math.round(lag) + " s behind");
            }));
            if (issues.isEmpty()) {
                issues.add(Issue.info("replication", "No replicas: no lag to judge; the report advises "
                        + "streaming replication for high availability"));
            }
        }
        issues.addAll(context.queryNamed(getClass(), "StandbyState", rs -> {
            List<Issue> standby = new ArrayList<>();
            if (!rs.getBoolean("in_recovery")) {
                return standby;
            }
            long conflicts = rs.getLong("conflicts");
            if (conflicts > 0) {
                standby.add(Issue.warning("recovery conflicts", conflicts + " queries of this database were cancelled by "
                                + "recovery conflicts on this replica (" + rs.getLong("snapshot_conflicts") + " of them snapshot conflicts)")
                        .measured(conflicts).threshold("0")
                        .fix("Turn hot_standby_feedback on (the primary then keeps the rows replica queries need), or raise "
                                + "max_standby_streaming_delay; see pg_stat_database_conflicts"));
            }
            boolean feedback = "on".equals(rs.getString("hot_standby_feedback"));
            standby.add(Issue.info("hot_standby_feedback", "hot_standby_feedback is " + (feedback ? "on: the primary's vacuum "
                    + "keeps rows this replica's queries still read (at the price of bloat there)" : "off: long queries here "
                    + "may be cancelled by recovery conflicts")).measured(feedback ? "on" : "off"));
            return standby;
        }).get(0));
        issues.addAll(context.queryNamed(getClass(), "ReplicationSlots", rs -> {
            String slot = rs.getString("slot_name");
            long retained = rs.getLong("retained_bytes");
            return Issue.warning("slot " + slot, "Replication slot " + slot + " (" + rs.getString("slot_type")
                            + ") is inactive and retains " + CheckContext.bytes(retained) + " of WAL; it grows until pg_wal fills the disk")
                    .measured(CheckContext.bytes(retained)).threshold("no inactive slot")
                    .fix("Reconnect its consumer, or if it is gone for good: SELECT pg_drop_replication_slot('" + slot
                            + "'); cap the risk with max_slot_wal_keep_size");
        }));
        return issues;
    }
}
