package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithMissingIndexesCheckOnHost;
import io.github.mfvanek.pg.model.table.TableWithMissingIndex;

/** Tables read mostly by sequential scans: a query on them lacks an index. Judged on old enough statistics. */
final class TablesWithMissingIndexesCheck extends LibraryCheck<TableWithMissingIndex> {

    TablesWithMissingIndexesCheck() {
        super("missing-indexes", "Tables with missing indexes (sequential scans)", true);
    }

    @Override
    DatabaseCheckOnHost<TableWithMissingIndex> create(PgConnection connection) {
        return new TablesWithMissingIndexesCheckOnHost(connection);
    }

    @Override
    Issue toIssue(TableWithMissingIndex table, CheckContext context) {
        String name = unqualified(table.getTableName());
        return Issue.warning(name, "Table " + name + " had " + table.getSeqScans() + " sequential scans and "
                        + table.getIndexScans() + " index scans: some query on it has no index")
                .measured(table.getSeqScans() + " seq scans")
                .fix("Find the query in pg_stat_statements, EXPLAIN it, and CREATE INDEX CONCURRENTLY for its filter");
    }
}
