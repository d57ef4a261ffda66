package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.NotValidConstraintsCheckOnHost;
import io.github.mfvanek.pg.model.constraint.Constraint;

/** Constraints added NOT VALID and never validated: old rows were never checked. */
final class NotValidConstraintsCheck extends LibraryCheck<Constraint> {

    NotValidConstraintsCheck() {
        super("not-valid-constraints", "NOT VALID constraints", false);
    }

    @Override
    DatabaseCheckOnHost<Constraint> create(PgConnection connection) {
        return new NotValidConstraintsCheckOnHost(connection);
    }

    @Override
    Issue toIssue(Constraint constraint, CheckContext context) {
        return Issue.warning(unqualified(constraint.getTableName()) + "." + constraint.getConstraintName(), "Constraint "
                        + constraint.getConstraintName() + " is NOT VALID: rows written before it was added were never checked")
                .fix(constraint.getValidateSql());
    }
}
