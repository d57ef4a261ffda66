package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** Database size against the capacity the caller gives (> 75% / > 90%); without a capacity, reported only. */
final class DiskUsageCheck extends OperationsCheck {

    DiskUsageCheck() {
        super("disk", "Disk usage");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        long bytes = context.query(getClass(), rs -> rs.getLong("bytes")).get(0);
        Long capacity = context.options().diskCapacityBytes();
        if (capacity == null) {
            return List.of(Issue.info("database", "The database takes " + CheckContext.bytes(bytes)
                            + "; not judged: no disk capacity was given").measured(CheckContext.bytes(bytes))
                    .fix("Pass the volume size (diskCapacityBytes / --capacity-bytes) to judge disk usage"));
        }
        double percent = 100.0 * bytes / capacity;
        Issue issue = judged(context, Metric.DISK_USAGE_PERCENT, percent, "database", "The database takes "
                + CheckContext.bytes(bytes) + " of " + CheckContext.bytes(capacity));
        return List.of(percent > context.threshold(Metric.DISK_USAGE_PERCENT).warning()
                ? issue.fix("Grow the volume, or reclaim space: drop unused indexes, repack bloated tables, archive old rows")
                : issue);
    }
}
