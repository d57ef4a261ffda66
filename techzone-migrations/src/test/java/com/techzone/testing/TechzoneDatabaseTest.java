package com.techzone.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class that runs against its own freshly migrated TechZone database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TechzoneDatabaseExtension.class)
public @interface TechzoneDatabaseTest {

    /**
     * The schema TechZone is migrated into (default {@code public}). Any other schema also gets
     * decoy host tables of the same names in {@code public}: see {@link TestPostgres#createMigratedDatabase(String)}.
     */
    String schema() default "public";

    /**
     * Whether {@code inventory_logs} and {@code order_status_history} are converted to monthly
     * partitioned tables ({@link com.techzone.migrations.LedgerPartitioning}) before the tests run
     * (default false: the plain tables the migrations create).
     */
    boolean partitionedLedgers() default false;
}
