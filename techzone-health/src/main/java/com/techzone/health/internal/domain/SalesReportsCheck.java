package com.techzone.health.internal.domain;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * Each recent closed day with orders (the last N days before today, in the report zone) has a daily
 * sales report generated after the day's last order change.
 */
final class SalesReportsCheck extends DomainCheck {

    SalesReportsCheck() {
        super("sales-reports", "Sales reports present and current for recent closed days");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        String zone = context.options().reportZone().getId();
        return query(context, getClass(), rs -> {
            String day = rs.getString("day");
            boolean missing = rs.getString("generated_at") == null;
            return Issue.warning("sales_reports." + day, missing
                            ? "No daily sales report for " + day + ", a closed day with " + rs.getLong("orders") + " order(s)"
                            : "The daily sales report for " + day + " was generated at " + rs.getString("generated_at")
                                    + ", before the day's last order change at " + rs.getString("last_change"))
                    .fix("Rebuild it (idempotent): the sales report job of techzone-core for day " + day);
        }, zone, zone, context.options().salesReportDays(), zone, zone, zone);
    }
}
