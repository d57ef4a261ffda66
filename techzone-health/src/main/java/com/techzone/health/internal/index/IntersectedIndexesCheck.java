package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IntersectedIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;

/** Intersected (redundant) indexes: one's leading columns are the other's; usually one can go. */
final class IntersectedIndexesCheck extends LibraryCheck<DuplicatedIndexes> {

    IntersectedIndexesCheck() {
        super("intersected", "Intersected (redundant) indexes", false);
    }

    @Override
    DatabaseCheckOnHost<DuplicatedIndexes> create(PgConnection connection) {
        return new IntersectedIndexesCheckOnHost(connection);
    }

    @Override
    Issue toIssue(DuplicatedIndexes pair, CheckContext context) {
        String names = String.join(", ", pair.getIndexNames().stream().map(LibraryCheck::unqualified).toList());
        return Issue.warning(unqualified(pair.getTableName()) + "." + unqualified(pair.getIndexNames().get(0)),
                        "Indexes " + names + " share their leading columns: the shorter one is probably redundant")
                .measured(CheckContext.bytes(pair.getTotalSize()))
                .fix("Keep the index that covers the other's queries (check with EXPLAIN), then DROP INDEX CONCURRENTLY the other");
    }
}
