package com.techzone.health.internal.domain;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

/**
 * Every order's subtotal is the sum of its lines, and total = subtotal + tax + shipping - discount;
 * one pass over each table (see the SQL for how the offenders are found without grouping by order).
 */
final class OrderTotalsCheck extends DomainCheck {

    OrderTotalsCheck() {
        super("order-totals", "Order totals equal their lines plus tax and shipping minus discount");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return query(context, getClass(), rs -> {
            BigDecimal subtotal = rs.getBigDecimal("subtotal");
            BigDecimal lines = rs.getBigDecimal("lines_total");
            BigDecimal expectedTotal = subtotal.add(rs.getBigDecimal("tax")).add(rs.getBigDecimal("shipping"))
                    .subtract(rs.getBigDecimal("discount"));
            BigDecimal total = rs.getBigDecimal("total");
            String order = "orders." + rs.getLong("order_number");
            String what = subtotal.compareTo(lines) != 0
                    ? "subtotal " + subtotal.toPlainString() + " but its lines sum to " + lines.toPlainString()
                    : "total " + total.toPlainString() + " but subtotal + tax + shipping - discount is " + expectedTotal.toPlainString();
            return Issue.critical(order, "Order " + rs.getLong("order_number") + " has " + what + more(LISTED, rs.getLong("total_count")))
                    .measured(subtotal.compareTo(lines) != 0 ? subtotal.toPlainString() : total.toPlainString())
                    .threshold(subtotal.compareTo(lines) != 0 ? lines.toPlainString() : expectedTotal.toPlainString())
                    .fix("Find how the order was written outside the checkout, then correct it: UPDATE " + context.qualified("orders") + " SET subtotal = "
                            + lines.toPlainString() + ", total = " + lines.toPlainString()
                            + " + tax + shipping - discount WHERE id = '" + rs.getString("id") + "'");
        });
    }
}
