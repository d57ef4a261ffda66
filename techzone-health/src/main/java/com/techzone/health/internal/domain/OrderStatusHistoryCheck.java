package com.techzone.health.internal.domain;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * Each order's status history leads to its status (the history is the audit trail): an order is
 * reported when its moves, chained, do not end at its status and its last entry (highest
 * {@code seq}, migration V7) does not say it either. Two moves of one transaction share
 * {@code created_at} and their ids may sort either way; neither decides.
 */
final class OrderStatusHistoryCheck extends DomainCheck {

    OrderStatusHistoryCheck() {
        super("order-status-history", "Last status history entry equals the order's status");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return query(context, getClass(), rs -> {
            String last = rs.getString("last_status");
            String status = rs.getString("status");
            String message = last == null
                    ? "Order " + rs.getLong("order_number") + " (" + status + ") has no status history"
                    : "Order " + rs.getLong("order_number") + " is " + status + " but its last history entry says " + last;
            return Issue.warning("orders." + rs.getLong("order_number"), message + more(LISTED, rs.getLong("total_count")))
                    .measured(status).threshold(last == null ? "a history entry" : last)
                    .fix("Status changes go through the order workflow, which writes the history; record the missing step: "
                            + "INSERT INTO " + context.qualified("order_status_history") + " (order_id, from_status, to_status, note) VALUES ('"
                            + rs.getString("id") + "', " + (last == null ? "NULL" : "'" + last + "'") + ", '" + status
                            + "', 'reconciled by health check')");
        });
    }
}
