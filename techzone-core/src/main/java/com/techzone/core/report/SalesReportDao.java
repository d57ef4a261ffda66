package com.techzone.core.report;

import com.techzone.core.ReplicaRead;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Uuids;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The {@code sales_reports} table and the dashboard counts. A report is rebuilt from the orders of
 * its period with {@code INSERT ... ON CONFLICT DO UPDATE}: rebuilding any number of times gives
 * the same row, and a rebuild after a refund shows it. Long SQL sits in
 * {@code com/techzone/core/report/SalesReportDao/<method>.sql}.
 */
public interface SalesReportDao {

    /**
     * Rebuilds the report of the period (of {@code granularity}) that contains {@code day}.
     *
     * @return the report as stored now
     */
    default SalesReport rebuild(Granularity granularity, LocalDate day) {
        Checks.notNull("granularity", granularity);
        Checks.notNull("day", day);
        return upsert(Uuids.v7(), granularity, day);
    }

    /** The upsert behind {@link #rebuild}. */
    @UseClasspathSqlLocator
    @SqlQuery
    SalesReport upsert(UUID id, Granularity granularity, LocalDate day);

    /** The stored report of the period starting on {@code periodStart}, if built. */
    @ReplicaRead
    @SqlQuery("SELECT * FROM <schema>.sales_reports WHERE granularity = :granularity AND period_start = :periodStart")
    Optional<SalesReport> find(Granularity granularity, LocalDate periodStart);

    /**
     * Stored reports of one granularity whose period starts in {@code [from, to)}, oldest first
     * (index {@code uq_sales_reports_period}).
     *
     * @throws com.techzone.core.InvalidInputException if {@code to} is not after {@code from}
     */
    @ReplicaRead
    default List<SalesReport> list(Granularity granularity, LocalDate from, LocalDate to) {
        Checks.notNull("granularity", granularity);
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        if (!to.isAfter(from)) {
            throw new com.techzone.core.InvalidInputException("to", "must be after from (" + from + "), was " + to);
        }
        return listStartingBetween(granularity, from, to);
    }

    /** The query behind {@link #list}. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.sales_reports
            WHERE granularity = :granularity AND period_start >= :from AND period_start < :to
            ORDER BY period_start""")
    List<SalesReport> listStartingBetween(Granularity granularity, LocalDate from, LocalDate to);

    /** The dashboard numbers, as of now. */
    @ReplicaRead
    @UseClasspathSqlLocator
    @SqlQuery
    DashboardCounts dashboard();
}
