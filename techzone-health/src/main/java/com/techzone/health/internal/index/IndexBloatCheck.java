package com.techzone.health.internal.index;

import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IndexesWithBloatCheckOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.index.IndexWithBloat;
import java.sql.SQLException;
import java.util.List;

/** B-tree index bloat, estimated from statistics; the report's > 20% warning, > 40% critical. */
final class IndexBloatCheck extends LibraryCheck<IndexWithBloat> {

    IndexBloatCheck() {
        super("index-bloat", "Index bloat (estimated)", false);
    }

    @Override
    DatabaseCheckOnHost<IndexWithBloat> create(PgConnection connection) {
        return new IndexesWithBloatCheckOnHost(connection);
    }

    @Override
    PgContext pgContext(CheckContext context) {
        return context.pgContext(context.threshold(Metric.INDEX_BLOAT_PERCENT).warning());
    }

    @Override
    Issue toIssue(IndexWithBloat index, CheckContext context) {
        if (index.getIndexSizeInBytes() < context.options().bloatMinimumBytes()) {
            return null;
        }
        Severity severity = context.threshold(Metric.INDEX_BLOAT_PERCENT).judge(index.getBloatPercentage(), false);
        if (severity == Severity.INFO) {
            return null;
        }
        String name = unqualified(index.getIndexName());
        return Issue.of(severity, unqualified(index.getTableName()) + "." + name, "Index " + name + " is about "
                        + Math.round(index.getBloatPercentage()) + "% bloat (" + CheckContext.bytes(index.getBloatSizeInBytes())
                        + " of " + CheckContext.bytes(index.getIndexSizeInBytes()) + ")")
                .measured(CheckContext.value(index.getBloatPercentage(), Metric.INDEX_BLOAT_PERCENT))
                .threshold(context.thresholdText(Metric.INDEX_BLOAT_PERCENT))
                .fix("REINDEX INDEX CONCURRENTLY " + index.getIndexName());
    }

    @Override
    List<Issue> unseen(CheckContext context) throws SQLException {
        return lacking(context, "UnreadableTables", "tables", "SELECT", "their column statistics (pg_stats), from which bloat is estimated");
    }
}
