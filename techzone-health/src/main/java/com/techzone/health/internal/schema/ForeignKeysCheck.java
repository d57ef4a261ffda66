package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A2: all 14 foreign keys are present, reference the right table, and have their delete rule. */
final class ForeignKeysCheck extends SchemaCheck {

    private record Actual(String constraint, String referencedTable, String onDelete, boolean validated) {
    }

    ForeignKeysCheck() {
        super("foreign-keys", "All 14 foreign keys with their delete rules", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> nothing = nothingToJudge(context);
        if (nothing.isPresent()) {
            return List.of(nothing.get());
        }
        Map<String, Actual> actual = new HashMap<>();
        context.query(getClass(), rs -> actual.put(rs.getString("table_name") + "." + rs.getString("column_name"),
                new Actual(rs.getString("constraint_name"), rs.getString("referenced_table"), rs.getString("on_delete"),
                        rs.getBoolean("validated"))), context.schema());
        List<Issue> issues = new ArrayList<>();
        for (ExpectedSchema.ForeignKey fk : ExpectedSchema.FOREIGN_KEYS) {
            Actual found = actual.get(fk.key());
            String add = "ALTER TABLE " + context.qualified(fk.table()) + " ADD CONSTRAINT " + fk.constraintName()
                    + " FOREIGN KEY (" + fk.column() + ") REFERENCES " + context.qualified(fk.referencedTable())
                    + " (id) ON DELETE " + fk.onDelete() + " NOT VALID; then VALIDATE CONSTRAINT " + fk.constraintName();
            if (found == null) {
                issues.add(Issue.critical(fk.key(), "Foreign key " + fk.key() + " -> " + fk.referencedTable() + " is missing")
                        .threshold("ON DELETE " + fk.onDelete()).fix(add));
            } else if (!found.referencedTable().equals(fk.referencedTable()) || !found.onDelete().equals(fk.onDelete())) {
                issues.add(Issue.critical(fk.key(), "Foreign key " + found.constraint() + " references "
                                + found.referencedTable() + " ON DELETE " + found.onDelete() + "; expected "
                                + fk.referencedTable() + " ON DELETE " + fk.onDelete())
                        .measured(found.referencedTable() + " ON DELETE " + found.onDelete())
                        .threshold(fk.referencedTable() + " ON DELETE " + fk.onDelete())
                        .fix("ALTER TABLE " + context.qualified(fk.table()) + " DROP CONSTRAINT " + found.constraint() + "; " + add));
            } else if (!found.validated()) {
                issues.add(Issue.warning(fk.key(), "Foreign key " + found.constraint() + " is NOT VALID: existing rows were never checked")
                        .fix("ALTER TABLE " + context.qualified(fk.table()) + " VALIDATE CONSTRAINT " + found.constraint()));
            }
        }
        return issues;
    }
}
