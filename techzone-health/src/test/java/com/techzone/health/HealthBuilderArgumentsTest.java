package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The exceptions of {@code TechzoneHealth}'s configuration entry points, as a host sees them and as
 * docs/reliability.md lists them: the JDK's {@link NullPointerException} naming a missing reference,
 * {@link IllegalArgumentException} naming the setting for a bad value. No server needed.
 */
class HealthBuilderArgumentsTest {

    private static TechzoneHealth.Builder builder() {
        return TechzoneHealth.configure(new PGSimpleDataSource());
    }

    @Test
    void shouldRefuseMissingReferencesWithNullPointerExceptionNamingThem() {
        assertNullPointer(() -> TechzoneHealth.configure(null), "dataSource");
        assertNullPointer(() -> builder().threshold(null, 1, 2), "metric");
        assertNullPointer(() -> builder().salesReports(null, 7), "zone");
        assertNullPointer(() -> builder().pool(null), "pool");
        assertNullPointer(() -> builder().replicas((javax.sql.DataSource[]) null), "replicas");
        assertNullPointer(() -> builder().replicas(new PGSimpleDataSource(), null), "replicas[1]");
        assertNullPointer(() -> builder().skipChecks((String[]) null), "checkIds");
        assertNullPointer(() -> builder().skipChecks("ops.ssl", null), "checkIds[1]");
        assertNullPointer(() -> builder().exclude((String[]) null), "objectNames");
        assertNullPointer(() -> builder().exclude(null, "orders"), "objectNames[0]");
    }

    @Test
    void shouldRefuseBadValuesWithIllegalArgumentExceptionNamingTheSetting() {
        assertIllegalArgument(() -> builder().schema("Shop; drop"), "schema must be a lower-case SQL identifier");
        assertIllegalArgument(() -> builder().historyTable(null), "historyTable must be a lower-case SQL identifier");
        assertIllegalArgument(() -> builder().groups(), "groups: select at least one of");
        assertIllegalArgument(() -> builder().groups((CheckGroup[]) null), "groups: select at least one of");
        assertIllegalArgument(() -> builder().threshold(Metric.CACHE_HIT_PERCENT, -1, 2), "CACHE_HIT_PERCENT: limits must be >= 0");
        assertIllegalArgument(() -> builder().threshold(Metric.CACHE_HIT_PERCENT, 90, 99), "CACHE_HIT_PERCENT: the critical limit");
        assertIllegalArgument(() -> builder().statementTimeout(Duration.ZERO), "statementTimeout must be between 1 ms and 10 minutes");
        assertIllegalArgument(() -> builder().lockTimeout(null), "lockTimeout must be between 1 ms and 10 minutes");
        assertIllegalArgument(() -> builder().diskCapacityBytes(0), "diskCapacityBytes must be positive");
        assertIllegalArgument(() -> builder().minimumStatisticsAge(Duration.ofSeconds(-1)), "minimumStatisticsAge must be zero or positive");
        assertIllegalArgument(() -> builder().topStatements(101), "topStatements must be between 0 and 100");
        assertIllegalArgument(() -> builder().bloatMinimumBytes(-1), "bloatMinimumBytes must be >= 0");
        assertIllegalArgument(() -> builder().salesReports(ZoneOffset.UTC, 0), "days must be between 1 and 366");
        assertIllegalArgument(() -> builder().cacheHitMinimumBlocks(-1), "cacheHitMinimumBlocks must be >= 0");
        assertIllegalArgument(() -> builder().pgbouncerAdmin("jdbc:postgresql://db:6432/shop", null, null),
                "pgbouncerAdmin must be the JDBC URL of PgBouncer's admin console");
        assertIllegalArgument(() -> builder().pgbouncerAdmin(null, null, null),
                "pgbouncerAdmin must be the JDBC URL of PgBouncer's admin console");
        // pgjdbc-style URLs take no credentials before the host; the refusal names the URL with the password masked.
        assertIllegalArgument(() -> builder().pgbouncerAdmin("jdbc:postgresql://admin:Pw-91@db:6432/pgbouncer", null, null),
                "pgbouncerAdmin must not carry a user or password before the host (got jdbc:postgresql://admin:****@db:6432/pgbouncer)");
        assertIllegalArgument(() -> builder().pgbouncerAdmin("jdbc:postgresql://admin:Pw-91@db:6432/shop", null, null),
                "pgbouncerAdmin must be the JDBC URL of PgBouncer's admin console, jdbc:postgresql://host:port/pgbouncer, "
                        + "got: jdbc:postgresql://admin:****@db:6432/shop");
    }

    private static void assertNullPointer(ThrowingCallable call, String setting) {
        assertThatThrownBy(call).isExactlyInstanceOf(NullPointerException.class).hasMessage(setting);
    }

    private static void assertIllegalArgument(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(messageStart);
    }
}
