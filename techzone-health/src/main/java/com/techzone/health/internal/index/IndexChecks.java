package com.techzone.health.internal.index;

import com.techzone.health.internal.HealthCheck;
import java.util.List;

/** Group B: index and schema health on pg-index-health, statistics age first. */
public final class IndexChecks {

    private IndexChecks() {
    }

    /** The checks of group B in run order. */
    public static List<HealthCheck> all() {
        return List.of(new StatisticsAgeCheck(), new InvalidIndexesCheck(), new DuplicatedIndexesCheck(),
                new IntersectedIndexesCheck(), new UnusedIndexesCheck(), new ForeignKeysWithoutIndexCheck(),
                new TablesWithoutPrimaryKeyCheck(), new TableBloatCheck(), new IndexBloatCheck(), new BooleanIndexesCheck(),
                new NotValidConstraintsCheck(), new SequenceOverflowCheck(), new TablesWithMissingIndexesCheck());
    }
}
