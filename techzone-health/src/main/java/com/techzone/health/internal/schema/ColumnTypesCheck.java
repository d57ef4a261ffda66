package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A6: column types follow the conventions: money is numeric (never double precision, real or money),
 * timestamps are timestamptz, text is text (no varchar(n) or char(n)), and every column of the
 * manifest has the type the migrations gave it.
 */
final class ColumnTypesCheck extends SchemaCheck {

    ColumnTypesCheck() {
        super("column-types", "Column types: money numeric, timestamps timestamptz, text not varchar", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> nothing = nothingToJudge(context);
        if (nothing.isPresent()) {
            return List.of(nothing.get());
        }
        Map<String, String> expected = new HashMap<>();
        for (ExpectedSchema.SchemaObject o : ExpectedSchema.manifest("column")) {
            expected.put(o.name(), o.detail());
        }
        List<Issue> issues = new ArrayList<>();
        context.query(getClass(), rs -> {
            String table = rs.getString("table_name");
            String column = table + "." + rs.getString("column_name");
            String type = rs.getString("data_type");
            String base = rs.getString("type_name");
            Issue issue = judge(context, column, table, rs.getString("column_name"), type, base, expected.get(column));
            if (issue != null) {
                issues.add(issue);
            }
            return null;
        }, context.schema(), ExpectedSchema.TABLES.toArray(new String[0]));
        return issues;
    }

    private static Issue judge(CheckContext context, String column, String table, String name, String type, String base,
                               String expectedType) {
        String alter = "ALTER TABLE " + context.qualified(table) + " ALTER COLUMN " + CheckContext.quote(name) + " TYPE ";
        boolean money = ExpectedSchema.MONEY_COLUMNS.contains(column);
        if (base.equals("float4") || base.equals("float8") || base.equals("money")) {
            return Issue.critical(column, column + " is " + type + ": " + (money ? "money" : "a value")
                            + " in floating point or the money type cannot hold cents exactly")
                    .measured(type).threshold("numeric").fix(alter + (expectedType != null ? expectedType : "numeric(12,2)")
                            + " (rewrites the table under an ACCESS EXCLUSIVE lock: plan a window)");
        }
        if (money && !base.equals("numeric")) {
            return Issue.critical(column, column + " holds money but is " + type).measured(type).threshold("numeric(12,2)")
                    .fix(alter + (expectedType != null ? expectedType : "numeric(12,2)"));
        }
        if (base.equals("timestamp")) {
            return Issue.warning(column, column + " is timestamp without time zone: instants must be timestamptz")
                    .measured(type).threshold("timestamp with time zone").fix(alter + "timestamptz USING " + name + " AT TIME ZONE 'UTC'");
        }
        if (base.equals("varchar") || base.equals("bpchar")) {
            return Issue.warning(column, column + " is " + type + ": free text is text with a named CHECK on its length")
                    .measured(type).threshold("text").fix(alter + "text");
        }
        if (expectedType != null && !expectedType.equals(type)) {
            // The schema's own types (the enums) are named unqualified in the manifest; the fix names them in full.
            String target = ExpectedSchema.ENUMS.containsKey(expectedType) ? context.qualified(expectedType) : expectedType;
            return Issue.warning(column, column + " is " + type + "; the migrations made it " + expectedType)
                    .measured(type).threshold(expectedType).fix(alter + target + (ExpectedSchema.ENUMS.containsKey(expectedType)
                            ? " USING " + CheckContext.quote(name) + "::text::" + target : ""));
        }
        return null;
    }
}
