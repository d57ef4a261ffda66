package com.techzone.core.internal.dao;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Uuids;
import com.techzone.core.report.DashboardCounts;
import com.techzone.core.report.Granularity;
import com.techzone.core.report.SalesReport;
import com.techzone.core.report.SalesReportDao;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The SqlObject behind {@link SalesReportDao}: its checks, then its SQL. Long SQL sits in
 * {@code com/techzone/core/internal/dao/SalesReportSql/<method>.sql}.
 */
public interface SalesReportSql extends SalesReportDao {

    @Override
    default SalesReport rebuild(Granularity granularity, LocalDate day) {
        Checks.notNull("granularity", granularity);
        Checks.notNull("day", day);
        return upsert(Uuids.v7(), granularity, day);
    }

    @UseClasspathSqlLocator
    @SqlQuery
    SalesReport upsert(UUID id, Granularity granularity, LocalDate day);

    @Override
    default Optional<SalesReport> find(Granularity granularity, LocalDate periodStart) {
        Checks.notNull("granularity", granularity);
        Checks.notNull("periodStart", periodStart);
        return byPeriod(granularity, periodStart);
    }

    @SqlQuery("""
            SELECT id, granularity, period_start, period_end, orders_count, items_sold, gross_revenue,
                   refunds, net_revenue, average_order_value, generated_at, created_at, updated_at
            FROM <schema>.sales_reports
            WHERE granularity = :granularity AND period_start = :periodStart""")
    Optional<SalesReport> byPeriod(Granularity granularity, LocalDate periodStart);

    @Override
    default List<SalesReport> list(Granularity granularity, LocalDate from, LocalDate to) {
        Checks.notNull("granularity", granularity);
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from (" + from + "), was " + to);
        }
        return listStartingBetween(granularity, from, to);
    }

    @SqlQuery("""
            SELECT id, granularity, period_start, period_end, orders_count, items_sold, gross_revenue,
                   refunds, net_revenue, average_order_value, generated_at, created_at, updated_at
            FROM <schema>.sales_reports
            WHERE granularity = :granularity AND period_start >= :from AND period_start < :to
            ORDER BY period_start""")
    List<SalesReport> listStartingBetween(Granularity granularity, LocalDate from, LocalDate to);

    @Override
    default DashboardCounts dashboard() {
        return counts();
    }

    @UseClasspathSqlLocator
    @SqlQuery("dashboard")
    DashboardCounts counts();
}
