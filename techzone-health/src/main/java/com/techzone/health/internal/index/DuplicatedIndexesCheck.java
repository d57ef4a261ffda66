package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.DuplicatedIndexesCheckOnHost;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;
import java.util.List;

/** Duplicated indexes: the same columns, expression and predicate; all but one are pure cost. */
final class DuplicatedIndexesCheck extends LibraryCheck<DuplicatedIndexes> {

    DuplicatedIndexesCheck() {
        super("duplicated", "Duplicated indexes", false);
    }

    @Override
    DatabaseCheckOnHost<DuplicatedIndexes> create(PgConnection connection) {
        return new DuplicatedIndexesCheckOnHost(connection);
    }

    @Override
    Issue toIssue(DuplicatedIndexes duplicates, CheckContext context) {
        List<String> names = duplicates.getIndexNames();
        String keep = names.stream().filter(n -> !unqualified(n).startsWith("idx_")).findFirst().orElse(names.get(0));
        List<String> drop = names.stream().filter(n -> !n.equals(keep)).toList();
        return Issue.warning(unqualified(duplicates.getTableName()) + "." + unqualified(drop.get(0)), "Indexes "
                        + String.join(", ", names.stream().map(LibraryCheck::unqualified).toList()) + " are identical")
                .measured(CheckContext.bytes(duplicates.getTotalSize()))
                .fix(String.join("; ", drop.stream().map(n -> "DROP INDEX CONCURRENTLY " + n).toList()));
    }
}
