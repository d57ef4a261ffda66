package com.techzone.health.internal.index;

import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithBloatCheckOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.table.TableWithBloat;
import java.sql.SQLException;
import java.util.List;

/** Table bloat, estimated from the planner statistics (pg_stats), not pgstattuple: no table is read. */
final class TableBloatCheck extends LibraryCheck<TableWithBloat> {

    TableBloatCheck() {
        super("table-bloat", "Table bloat (estimated)", false);
    }

    @Override
    DatabaseCheckOnHost<TableWithBloat> create(PgConnection connection) {
        return new TablesWithBloatCheckOnHost(connection);
    }

    @Override
    PgContext pgContext(CheckContext context) {
        return context.pgContext(context.threshold(Metric.TABLE_BLOAT_PERCENT).warning());
    }

    @Override
    Issue toIssue(TableWithBloat table, CheckContext context) {
        if (table.getTableSizeInBytes() < context.options().bloatMinimumBytes()) {
            return null;
        }
        Severity severity = context.threshold(Metric.TABLE_BLOAT_PERCENT).judge(table.getBloatPercentage(), false);
        if (severity == Severity.INFO) {
            return null;
        }
        String name = unqualified(table.getTableName());
        return Issue.of(severity, name, "Table " + name + " is about " + Math.round(table.getBloatPercentage())
                        + "% bloat (" + CheckContext.bytes(table.getBloatSizeInBytes()) + " of " + CheckContext.bytes(table.getTableSizeInBytes()) + ")")
                .measured(CheckContext.value(table.getBloatPercentage(), Metric.TABLE_BLOAT_PERCENT))
                .threshold(context.thresholdText(Metric.TABLE_BLOAT_PERCENT))
                .fix("VACUUM (ANALYZE) " + table.getTableName() + "; to return the space: pg_repack, or VACUUM FULL "
                        + table.getTableName() + " in a maintenance window (ACCESS EXCLUSIVE lock)");
    }

    @Override
    List<Issue> unseen(CheckContext context) throws SQLException {
        return lacking(context, "UnreadableTables", "tables", "SELECT", "their column statistics (pg_stats), from which bloat is estimated");
    }
}
