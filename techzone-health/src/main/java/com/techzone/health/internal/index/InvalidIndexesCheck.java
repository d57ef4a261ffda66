package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.InvalidIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.Index;

/** Invalid indexes: left behind by a failed CREATE INDEX CONCURRENTLY; maintained on writes, never used. */
final class InvalidIndexesCheck extends LibraryCheck<Index> {

    InvalidIndexesCheck() {
        super("invalid", "Invalid indexes", false);
    }

    @Override
    DatabaseCheckOnHost<Index> create(PgConnection connection) {
        return new InvalidIndexesCheckOnHost(connection);
    }

    @Override
    Issue toIssue(Index index, CheckContext context) {
        String name = unqualified(index.getIndexName());
        return Issue.warning(unqualified(index.getTableName()) + "." + name, "Index " + name
                        + " is invalid (a failed concurrent build): writes maintain it, queries never use it")
                .fix("REINDEX INDEX CONCURRENTLY " + index.getIndexName() + " (or DROP INDEX CONCURRENTLY " + index.getIndexName() + ")");
    }
}
