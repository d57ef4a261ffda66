package com.techzone.core.report;

import com.techzone.core.ReplicaRead;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sales_reports} table and the dashboard counts. A report is rebuilt from the orders of
 * its period with {@code INSERT ... ON CONFLICT DO UPDATE}: rebuilding any number of times gives
 * the same row, and a rebuild after a refund shows it.
 * Every method refuses a null argument with an {@link com.techzone.core.InvalidInputException} naming
 * it, before any SQL runs.
 */
public interface SalesReportDao {

    /**
     * Rebuilds the report of the period (of {@code granularity}) that contains {@code day}.
     *
     * @return the report as stored now
     */
    SalesReport rebuild(Granularity granularity, LocalDate day);

    /** The stored report of the period starting on {@code periodStart}, if built. */
    @ReplicaRead
    Optional<SalesReport> find(Granularity granularity, LocalDate periodStart);

    /**
     * Stored reports of one granularity whose period starts in {@code [from, to)}, oldest first
     * (index {@code uq_sales_reports_period}).
     *
     * @throws com.techzone.core.InvalidInputException if {@code to} is not after {@code from}
     */
    @ReplicaRead
    List<SalesReport> list(Granularity granularity, LocalDate from, LocalDate to);

    /** The dashboard numbers, as of now. */
    @ReplicaRead
    DashboardCounts dashboard();
}
