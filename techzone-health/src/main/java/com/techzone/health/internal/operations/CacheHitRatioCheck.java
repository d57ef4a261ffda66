package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * Buffer cache hit ratio of the database (< 99% warning); not judged before the configured number of
 * block accesses (default 1,000,000): a freshly started server reads everything from disk once.
 */
final class CacheHitRatioCheck extends OperationsCheck {

    CacheHitRatioCheck() {
        super("cache-hit-ratio", "Cache hit ratio");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        long minimum = context.options().cacheHitMinimumBlocks();
        return context.query(getClass(), rs -> {
            long hit = rs.getLong("blks_hit");
            long read = rs.getLong("blks_read");
            if (hit + read == 0 || hit + read < minimum) {
                return Issue.info("database", "Not judged: only " + (hit + read) + " block accesses so far (needs "
                        + minimum + ")");
            }
            double ratio = 100.0 * hit / (hit + read);
            Issue issue = judged(context, Metric.CACHE_HIT_PERCENT, ratio, "shared_buffers",
                    String.format(java.util.Locale.ROOT, "%.2f%% of block reads were served from shared_buffers", ratio));
            return ratio < context.threshold(Metric.CACHE_HIT_PERCENT).warning()
                    ? issue.fix("Raise shared_buffers (the report suggests 1GB for larger data sets) or find the queries that scan") : issue;
        });
    }
}
