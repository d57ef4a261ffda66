package com.techzone.health.internal;

import com.techzone.health.internal.domain.DomainChecks;
import com.techzone.health.internal.index.IndexChecks;
import com.techzone.health.internal.operations.OperationsChecks;
import com.techzone.health.internal.schema.SchemaChecks;
import java.util.ArrayList;
import java.util.List;

/** Every check, in run order: group A, B, C, D. */
public final class Checks {

    private static final List<HealthCheck> ALL = build();

    private Checks() {
    }

    /** All checks; immutable. */
    public static List<HealthCheck> all() {
        return ALL;
    }

    private static List<HealthCheck> build() {
        List<HealthCheck> all = new ArrayList<>();
        all.addAll(SchemaChecks.all());
        all.addAll(IndexChecks.all());
        all.addAll(OperationsChecks.all());
        all.addAll(DomainChecks.all());
        return List.copyOf(all);
    }
}
