package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The configuration entry points of this module refuse a bad setting at once with the JDK's
 * exception naming the setting, as docs/reliability.md lists them: {@link NullPointerException}
 * for a missing data source, {@link IllegalArgumentException} for a bad value. No server needed.
 */
class BuilderArgumentsTest {

    private static final DataSource NOWHERE = new PGSimpleDataSource();

    @Test
    void shouldRefuseTheMigrationsBadSettingsNamingThem() {
        assertNullPointer(() -> TechzoneMigrations.configure(null), "dataSource");
        assertNullPointer(() -> TechzoneMigrations.migrate(null), "dataSource");
        assertIllegalArgument(() -> TechzoneMigrations.configure(NOWHERE).schema("Shop"), "schema must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneMigrations.configure(NOWHERE).schema(null), "schema must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneMigrations.configure(NOWHERE).historyTable("history; drop"),
                "historyTable must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneMigrations.configure(NOWHERE).target("latest"), "target must be a migration version");
        assertIllegalArgument(() -> TechzoneMigrations.configure(NOWHERE).target(null), "target must be a migration version");
    }

    @Test
    void shouldRefuseTheLedgerPartitioningsBadSettingsNamingThem() {
        assertNullPointer(() -> LedgerPartitioning.configure(null), "dataSource");
        assertIllegalArgument(() -> LedgerPartitioning.configure(NOWHERE).schema("1shop"), "schema must be a lower-case SQL identifier");
        assertIllegalArgument(() -> LedgerPartitioning.configure(NOWHERE).historyTable(""),
                "historyTable must be a lower-case SQL identifier");
        assertIllegalArgument(() -> LedgerPartitioning.configure(NOWHERE).lockTimeout(Duration.ZERO),
                "lockTimeout must be between 1 ms and 1 minute");
        assertIllegalArgument(() -> LedgerPartitioning.configure(NOWHERE).lockTimeout(null),
                "lockTimeout must be between 1 ms and 1 minute");
        assertIllegalArgument(() -> LedgerPartitioning.configure(NOWHERE).attempts(0), "attempts must be between 1 and 100");
        assertIllegalArgument(() -> LedgerPartitioning.configure(NOWHERE).monthsAhead(25), "monthsAhead must be between 1 and 24");
    }

    @Test
    void shouldRefuseTheRolesBadSettingsNamingThem() {
        assertIllegalArgument(() -> TechzoneRoles.configure().schema("Shop"), "schema must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneRoles.configure().owner("owner role"), "owner must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneRoles.configure().application(null), "application must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneRoles.configure().monitor("Monitor"), "monitor must be a lower-case SQL identifier");
        assertIllegalArgument(() -> TechzoneRoles.configure().owner("same").application("same").load(),
                "owner, application and monitor must be three different roles");
        assertNullPointer(() -> TechzoneRoles.configure().load().apply(null), "adminDataSource");
    }

    private static void assertNullPointer(ThrowingCallable call, String setting) {
        assertThatThrownBy(call).isExactlyInstanceOf(NullPointerException.class).hasMessage(setting);
    }

    private static void assertIllegalArgument(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(messageStart);
    }
}
