package com.techzone.health.internal.operations;

import com.techzone.health.internal.HealthCheck;
import java.util.List;

/** Group C: operations, with the report's alert thresholds as defaults. */
public final class OperationsChecks {

    private OperationsChecks() {
    }

    /** The checks of group C in run order. */
    public static List<HealthCheck> all() {
        return List.of(new ConnectionUsageCheck(), new DiskUsageCheck(), new MeanQueryTimeCheck(), new SlowStatementsCheck(),
                new CacheHitRatioCheck(), new LongRunningCheck(), new IdleInTransactionCheck(), new LockWaitsCheck(),
                new WraparoundCheck(), new AutovacuumCheck(), new HikariPoolCheck(), new ConfigurationCheck(), new SslCheck(),
                new RolePrivilegesCheck(), new WalArchivingCheck(), new ReplicationLagCheck(), new ReplicasCheck(), new TableGrowthCheck(),
                new PgBouncerPoolsCheck());
    }
}
