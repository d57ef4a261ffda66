package com.techzone.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Sales of one period, rebuilt from the orders placed in it (cancelled orders excluded).
 *
 * @param id the key
 * @param granularity day, week or month
 * @param periodStart first day of the period (UTC)
 * @param periodEnd first day after the period
 * @param ordersCount orders placed in the period and not cancelled (refunded ones included)
 * @param itemsSold units in those orders
 * @param grossRevenue sum of their totals
 * @param refunds sum of the totals of those that were refunded since
 * @param netRevenue gross revenue minus refunds
 * @param averageOrderValue gross revenue / orders count, 2 places; 0 without orders
 * @param generatedAt when the row was last rebuilt
 * @param createdAt when it was first built
 * @param updatedAt when it last changed
 */
public record SalesReport(UUID id, Granularity granularity, LocalDate periodStart, LocalDate periodEnd, int ordersCount,
                          int itemsSold, BigDecimal grossRevenue, BigDecimal refunds, BigDecimal netRevenue,
                          BigDecimal averageOrderValue, Instant generatedAt, Instant createdAt, Instant updatedAt) {
}
