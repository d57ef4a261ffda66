package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithoutPrimaryKeyCheckOnHost;
import io.github.mfvanek.pg.model.table.Table;

/** Tables without a primary key: rows cannot be addressed, logical replication cannot update them. */
final class TablesWithoutPrimaryKeyCheck extends LibraryCheck<Table> {

    TablesWithoutPrimaryKeyCheck() {
        super("tables-without-primary-key", "Tables without primary key", false);
    }

    @Override
    DatabaseCheckOnHost<Table> create(PgConnection connection) {
        return new TablesWithoutPrimaryKeyCheckOnHost(connection);
    }

    @Override
    Issue toIssue(Table table, CheckContext context) {
        String name = unqualified(table.getTableName());
        return Issue.warning(name, "Table " + name + " has no primary key")
                .fix("ALTER TABLE " + table.getTableName() + " ADD CONSTRAINT pk_" + name + " PRIMARY KEY (id)");
    }
}
