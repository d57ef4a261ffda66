package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.model.column.ColumnNameAware;
import io.github.mfvanek.pg.model.constraint.ForeignKey;
import java.util.List;

/** Foreign keys without an index, as pg-index-health judges them (any FK of any table in the schema). */
final class ForeignKeysWithoutIndexCheck extends LibraryCheck<ForeignKey> {

    ForeignKeysWithoutIndexCheck() {
        super("foreign-keys-without-index", "Foreign keys without index", false);
    }

    @Override
    DatabaseCheckOnHost<ForeignKey> create(PgConnection connection) {
        return new ForeignKeysNotCoveredWithIndexCheckOnHost(connection);
    }

    @Override
    Issue toIssue(ForeignKey fk, CheckContext context) {
        List<String> columns = fk.getColumns().stream().map(ColumnNameAware::getColumnName).toList();
        String table = unqualified(fk.getTableName());
        return Issue.warning(table + "." + String.join("_", columns), "Foreign key " + fk.getConstraintName() + " on "
                        + table + " (" + String.join(", ", columns) + ") is not covered by an index")
                .fix("CREATE INDEX CONCURRENTLY idx_" + table + "_" + String.join("_", columns) + " ON "
                        + fk.getTableName() + " (" + String.join(", ", columns) + ")");
    }
}
