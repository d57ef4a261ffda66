package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.UnusedIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.UnusedIndex;

/** Unused indexes: (almost) never scanned since the statistics began; judged only on old enough statistics. */
final class UnusedIndexesCheck extends LibraryCheck<UnusedIndex> {

    UnusedIndexesCheck() {
        super("unused", "Unused indexes", true);
    }

    @Override
    DatabaseCheckOnHost<UnusedIndex> create(PgConnection connection) {
        return new UnusedIndexesCheckOnHost(connection);
    }

    @Override
    Issue toIssue(UnusedIndex index, CheckContext context) {
        String name = unqualified(index.getIndexName());
        return Issue.warning(unqualified(index.getTableName()) + "." + name, "Index " + name + " was scanned "
                        + index.getIndexScans() + " time(s) since the statistics began; it costs " + CheckContext.bytes(index.getIndexSizeInBytes())
                        + " and slows every write").measured(index.getIndexScans() + " scans")
                .fix("If no replica or rare job uses it: DROP INDEX CONCURRENTLY " + index.getIndexName());
    }
}
