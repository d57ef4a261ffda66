package com.techzone.health.internal.domain;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** No two active (pending or confirmed) bookings of one service overlap in time. */
final class BookingOverlapCheck extends DomainCheck {

    BookingOverlapCheck() {
        super("booking-overlap", "No overlapping active bookings per service");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return query(context, getClass(), rs -> Issue.critical("bookings." + rs.getString("first_id"),
                        "Bookings " + rs.getString("first_id") + " and " + rs.getString("second_id") + " of service "
                                + rs.getString("service_id") + " overlap: " + rs.getString("first_starts") + " - "
                                + rs.getString("first_ends") + " and " + rs.getString("second_starts") + " - "
                                + rs.getString("second_ends") + more(LISTED, rs.getLong("total_count")))
                .fix("Move or cancel one booking, then restore the exclusion constraint ex_bookings_no_overlap "
                        + "(techzone-migrations V4) if it is missing"));
    }
}
