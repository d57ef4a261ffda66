package com.techzone.core.report;

/** The length of a sales report's period. Periods are calendar periods in UTC; weeks start on Monday. */
public enum Granularity {
    /** One calendar day. */
    DAY,
    /** Monday to Sunday. */
    WEEK,
    /** One calendar month. */
    MONTH
}
