package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IndexesWithBooleanCheckOnHost;
import io.github.mfvanek.pg.model.index.IndexWithColumns;

/** Indexes on a boolean column: two values select half the table; a partial index serves better. */
final class BooleanIndexesCheck extends LibraryCheck<IndexWithColumns> {

    BooleanIndexesCheck() {
        super("boolean", "Indexes on boolean columns", false);
    }

    @Override
    DatabaseCheckOnHost<IndexWithColumns> create(PgConnection connection) {
        return new IndexesWithBooleanCheckOnHost(connection);
    }

    @Override
    Issue toIssue(IndexWithColumns index, CheckContext context) {
        String name = unqualified(index.getIndexName());
        String column = index.getColumns().isEmpty() ? "?" : index.getColumns().get(0).getColumnName();
        return Issue.warning(unqualified(index.getTableName()) + "." + name, "Index " + name + " includes the boolean column "
                        + column + ": it cannot narrow a search")
                .fix("Replace it with a partial index (... WHERE " + column + "), then DROP INDEX CONCURRENTLY " + index.getIndexName());
    }
}
