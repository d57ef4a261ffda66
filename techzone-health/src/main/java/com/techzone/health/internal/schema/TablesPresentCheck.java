package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A1: all 13 TechZone tables are present. */
final class TablesPresentCheck extends SchemaCheck {

    TablesPresentCheck() {
        super("tables", "All 13 tables present", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Set<String> present = new HashSet<>(context.query(getClass(), rs -> rs.getString("table_name"), context.schema()));
        List<String> missing = ExpectedSchema.TABLES.stream().filter(t -> !present.contains(t)).toList();
        List<Issue> issues = new ArrayList<>();
        String measured = (ExpectedSchema.TABLES.size() - missing.size()) + "/" + ExpectedSchema.TABLES.size();
        for (String table : missing) {
            issues.add(Issue.critical(table, "Table " + table + " is missing from schema " + context.schema())
                    .measured(measured).threshold(ExpectedSchema.TABLES.size() + "/" + ExpectedSchema.TABLES.size())
                    .fix(migrateFix()));
        }
        return issues;
    }
}
