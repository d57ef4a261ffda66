package com.techzone.health.internal.domain;

import com.techzone.health.internal.HealthCheck;
import java.util.List;

/** Group D: TechZone's own invariants; they read the TechZone tables and run only when selected. */
public final class DomainChecks {

    private DomainChecks() {
    }

    /** The checks of group D in run order. */
    public static List<HealthCheck> all() {
        return List.of(new InventoryLedgerCheck(), new OrderTotalsCheck(), new OrderStatusHistoryCheck(),
                new BookingOverlapCheck(), new SalesReportsCheck());
    }
}
