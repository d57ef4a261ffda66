package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A3: every foreign key is covered by an index whose leading columns are the FK columns. */
final class ForeignKeyIndexesCheck extends SchemaCheck {

    ForeignKeyIndexesCheck() {
        super("foreign-key-indexes", "Every foreign key covered by an index", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> nothing = nothingToJudge(context);
        if (nothing.isPresent()) {
            return List.of(nothing.get());
        }
        return context.query(getClass(), rs -> {
            String table = rs.getString("table_name");
            String index = "idx_" + table + "_" + rs.getString("column_names");
            return Issue.warning(table + "." + rs.getString("column_names"), "Foreign key " + rs.getString("constraint_name")
                            + " has no index: deleting a referenced row scans " + table + ", and joins cannot use an index")
                    .fix("CREATE INDEX CONCURRENTLY " + index + " ON " + context.qualified(table)
                            + " (" + rs.getString("columns") + ")");
        }, context.schema(), ExpectedSchema.TABLES.toArray(new String[0]));
    }
}
