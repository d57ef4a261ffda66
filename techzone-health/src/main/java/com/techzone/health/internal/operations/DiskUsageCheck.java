package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * What the cluster keeps on the volume (every database and the WAL, not only this database) against
 * the capacity the caller gives (> 75% / > 90%); without a capacity, reported only. UNKNOWN when
 * the role may not measure some database (CONNECT or pg_read_all_stats) or the WAL (pg_monitor).
 * Its second query is {@code DiskUsageWal.sql}.
 */
final class DiskUsageCheck extends OperationsCheck {

    DiskUsageCheck() {
        super("disk", "Disk usage of the cluster");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        String role = context.role();
        return context.query(getClass(), rs -> {
            long databases = rs.getLong("databases_bytes");
            boolean walSeen = rs.getBoolean("wal_visible");
            long wal = walSeen ? context.queryNamed(DiskUsageCheck.class, "DiskUsageWal", r -> r.getLong("wal_bytes")).get(0) : 0;
            String unmeasurable = rs.getString("unmeasurable");
            if (unmeasurable != null || !walSeen) {
                return Issue.unknown("cluster", "Not measured: role " + role + " lacks the privilege "
                                + (unmeasurable != null ? "CONNECT on " + unmeasurable + " (or pg_read_all_stats)" : "pg_monitor")
                                + ", without which the server does not tell "
                                + (unmeasurable != null ? "those databases' sizes" : "the size of the WAL"))
                        .fix("GRANT pg_monitor TO " + CheckContext.quote(role) + "; (TechzoneRoles grants it to the monitor role)");
            }
            long bytes = databases + wal;
            String parts = CheckContext.bytes(bytes) + " (this database " + CheckContext.bytes(rs.getLong("this_bytes"))
                    + ", all databases " + CheckContext.bytes(databases) + ", WAL " + CheckContext.bytes(wal) + ")";
            Long capacity = context.options().diskCapacityBytes();
            if (capacity == null) {
                return Issue.info("cluster", "The cluster takes " + parts + "; not judged: no disk capacity was given")
                        .measured(CheckContext.bytes(bytes))
                        .fix("Pass the volume size (diskCapacityBytes / --capacity-bytes) to judge disk usage");
            }
            double percent = 100.0 * bytes / capacity;
            Issue issue = judged(context, Metric.DISK_USAGE_PERCENT, percent, "cluster", "The cluster takes " + parts
                    + " of " + CheckContext.bytes(capacity));
            return percent > context.threshold(Metric.DISK_USAGE_PERCENT).warning()
                    ? issue.fix("Grow the volume, or reclaim space: drop unused databases and indexes, repack bloated tables, "
                    + "archive old rows; check what holds WAL back (ops.replication-lag's slots, ops.wal-archiving)")
                    : issue;
        });
    }
}
