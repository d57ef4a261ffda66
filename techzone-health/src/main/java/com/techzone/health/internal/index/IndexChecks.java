package com.techzone.health.internal.index;

import com.techzone.health.internal.HealthCheck;
import java.util.List;

/** The checks of this group in run order. */
public final class IndexChecks {

    private IndexChecks() {
    }

    /** The checks in run order. */
    public static List<HealthCheck> all() {
        return List.of();
    }
}
