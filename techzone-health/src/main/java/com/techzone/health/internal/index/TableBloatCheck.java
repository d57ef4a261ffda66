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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table bloat, estimated from the planner statistics (pg_stats), not pgstattuple: no table is read.
 * A partitioned table is one table: the sums of its partitions' sizes and bloat.
 */
final class TableBloatCheck extends LibraryCheck<TableWithBloat> {

    TableBloatCheck() {
        super("table-bloat", "Table bloat (estimated)", false);
    }

    @Override
    DatabaseCheckOnHost<TableWithBloat> create(PgConnection connection) {
        return new TablesWithBloatCheckOnHost(connection);
    }

    /** Every table, whatever its bloat: a partitioned table is judged on the sum over all its partitions. */
    @Override
    PgContext pgContext(CheckContext context) {
        return context.pgContext(0);
    }

    /** Partitions are summed into their partitioned table (bloat and size), then judged as one table. */
    @Override
    List<TableWithBloat> combine(List<TableWithBloat> found, CheckContext context) throws SQLException {
        Map<String, String> roots = new HashMap<>();
        context.queryNamed(LibraryCheck.class, "PartitionRoots", rs -> roots.put(rs.getString("partition"), rs.getString("root")),
                context.schema());
        Map<String, long[]> sums = new LinkedHashMap<>();
        List<TableWithBloat> combined = new ArrayList<>();
        for (TableWithBloat table : found) {
            String name = table.getTableName();
            String root = roots.get(unqualified(name));
            if (root == null) {
                combined.add(table);
                continue;
            }
            String prefix = name.substring(0, name.length() - unqualified(name).length());
            long[] sum = sums.computeIfAbsent(prefix + root, k -> new long[2]);
            sum[0] += table.getTableSizeInBytes();
            sum[1] += table.getBloatSizeInBytes();
        }
        sums.forEach((root, sum) -> combined.add(TableWithBloat.of(root, sum[0], sum[1], sum[0] == 0 ? 0 : 100.0 * sum[1] / sum[0])));
        return combined;
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
