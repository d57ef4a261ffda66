package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.techzone.testing.TestRoles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opt-in conversion of the two ledgers into monthly partitioned tables, and the partitions made ahead. */
class LedgerPartitioningTest {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    /** A shop with a customer, a product, an order, and ledger rows of 40 days ago and of now. */
    static final String SHOP_WITH_HISTORY = """
            INSERT INTO %1$s.users (id, email, password_hash, full_name)
                VALUES ('00000000-0000-0000-0000-000000000001', 'ledger@shop.test', 'hash', 'Ledger Customer');
            INSERT INTO %1$s.products (id, sku, name, price, stock)
                VALUES ('00000000-0000-0000-0000-000000000002', 'SKU-LEDGER', 'Ledger product', 10, 7);
            INSERT INTO %1$s.orders (id, user_id, subtotal, tax, shipping, discount, total)
                VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001', 10, 0, 0, 0, 10);
            INSERT INTO %1$s.inventory_logs (product_id, change, reason, stock_after, created_at)
                VALUES ('00000000-0000-0000-0000-000000000002', 8, 'initial', 8, now() - interval '40 days'),
                       ('00000000-0000-0000-0000-000000000002', -1, 'sale', 7, now());
            INSERT INTO %1$s.order_status_history (order_id, from_status, to_status, created_at)
                VALUES ('00000000-0000-0000-0000-000000000003', NULL, 'pending', now() - interval '40 days'),
                       ('00000000-0000-0000-0000-000000000003', 'pending', 'processing', now());
            """;

    @Test
    void shouldConvertBothLedgersIntoMonthlyPartitionsKeepingEveryRow() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute(SHOP_WITH_HISTORY.formatted("public"));

            PartitioningResult result = LedgerPartitioning.configure(db.dataSource()).load().convert();

            YearMonth now = currentMonth(db);
            assertThat(result.convertedTables()).containsExactly("inventory_logs", "order_status_history");
            assertThat(result.longestLock()).isPositive();
            for (String table : LedgerPartitioning.TABLES) {
                assertThat(text(db, "SELECT relkind::text FROM pg_class WHERE oid = '" + table + "'::regclass")).isEqualTo("p");
                assertThat(partitions(db, table)).contains(table + "_p_legacy", table + "_p" + SUFFIX.format(now.plusMonths(3)))
                        .as("no default partition unless asked for").doesNotContain(table + "_p_default");
                assertThat(text(db, "SELECT count(*) FROM ONLY " + table + "_p_legacy")).as("rows stay where they were").isEqualTo("2");
                assertThat(text(db, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_" + table + "'"))
                        .isEqualTo("PRIMARY KEY (id, created_at)");
                assertThat(text(db, "SELECT refobjid::regclass::text FROM pg_depend WHERE objid = '" + table
                        + "_seq'::regclass AND deptype = 'a'")).as("the seq sequence belongs to the parent").isEqualTo(table);
                assertThat(text(db, "SELECT count(*) > 0 FROM pg_stats WHERE schemaname = 'public' AND tablename = '"
                        + table + "' AND inherited")).as("the parent analyzed: autovacuum never does it").isEqualTo("t");
            }
            assertThat(result.createdPartitions()).contains("inventory_logs_p" + SUFFIX.format(now.plusMonths(3)),
                    "order_status_history_p" + SUFFIX.format(now.plusMonths(3)));
            assertThat(text(db, "SELECT string_agg(indexrelid::regclass::text, ',' ORDER BY indexrelid::regclass::text) FROM pg_index "
                    + "WHERE indrelid = 'inventory_logs'::regclass"))
                    .isEqualTo("idx_inventory_logs_created_at,idx_inventory_logs_product_date,pk_inventory_logs");
            assertThat(text(db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "WHERE i.indrelid = 'inventory_logs_p_legacy'::regclass AND c.relispartition"))
                    .as("the old table's indexes are the parent's, not rebuilt copies").isEqualTo("3");

            db.execute("""
                    INSERT INTO inventory_logs (product_id, change, reason, stock_after)
                        VALUES ('00000000-0000-0000-0000-000000000002', 1, 'restock', 8)""");
            assertThat(text(db, "SELECT count(*) FROM inventory_logs WHERE seq IS NOT NULL")).as("seq keeps counting").isEqualTo("3");
            assertThatThrownBy(() -> db.execute("""
                    INSERT INTO inventory_logs (product_id, change, reason, stock_after)
                        VALUES ('00000000-0000-0000-0000-0000000000ff', 1, 'restock', 8)"""))
                    .hasMessageContaining("fk_inventory_logs_product_id");
            assertThatThrownBy(() -> db.execute("""
                    INSERT INTO inventory_logs (product_id, change, reason, stock_after)
                        VALUES ('00000000-0000-0000-0000-000000000002', 0, 'restock', 8)"""))
                    .hasMessageContaining("chk_inventory_logs_change_nonzero");
            db.execute("DELETE FROM orders");
            assertThat(text(db, "SELECT count(*) FROM order_status_history")).as("ON DELETE CASCADE still holds").isEqualTo("0");
        }
    }

    @Test
    void shouldAnalyzeAPartitionedLedgerThatHasNoStatisticsAsAWhole() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute(SHOP_WITH_HISTORY.formatted("public"));
            LedgerPartitioning partitioning = LedgerPartitioning.configure(db.dataSource()).load();
            partitioning.convert();
            db.execute("DELETE FROM pg_statistic WHERE starelid = 'inventory_logs'::regclass AND stainherit");
            String inherited = "SELECT count(*) > 0 FROM pg_stats WHERE schemaname = 'public' AND tablename = '%s' AND inherited";
            assertThat(text(db, inherited.formatted("inventory_logs"))).isEqualTo("f");

            PartitioningResult ahead = partitioning.createPartitionsAhead();

            assertThat(ahead.createdPartitions()).isEmpty();
            assertThat(text(db, inherited.formatted("inventory_logs"))).as("analyzed again, though nothing was created").isEqualTo("t");
        }
    }

    @Test
    void shouldChangeNothingOnASecondCall() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            LedgerPartitioning partitioning = LedgerPartitioning.configure(db.dataSource()).load();
            partitioning.convert();
            List<String> before = partitions(db, "inventory_logs");

            PartitioningResult again = partitioning.convert();

            assertThat(again.noChange()).isTrue();
            assertThat(again.longestLock()).isZero();
            assertThat(partitions(db, "inventory_logs")).isEqualTo(before);
            assertThat(partitioning.createPartitionsAhead().noChange()).isTrue();
        }
    }

    @Test
    void shouldCreateTheMissingMonthsAheadOnce() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            LedgerPartitioning.configure(db.dataSource()).load().convert();
            YearMonth now = currentMonth(db);
            LedgerPartitioning sixAhead = LedgerPartitioning.configure(db.dataSource()).monthsAhead(6).load();

            PartitioningResult result = sixAhead.createPartitionsAhead();

            List<String> expected = new ArrayList<>();
            for (String table : LedgerPartitioning.TABLES) {
                for (int m = 4; m <= 6; m++) {
                    expected.add(table + "_p" + SUFFIX.format(now.plusMonths(m)));
                }
            }
            assertThat(result.createdPartitions()).containsExactlyElementsOf(expected);
            assertThat(sixAhead.createPartitionsAhead().createdPartitions()).isEmpty();
        }
    }

    /**
     * A month's partition detached (by hand, or an archiving step run on the wrong month) keeps its
     * name: createPartitionsAhead() attaches it again instead of failing on "relation already exists"
     * (found when the health suite ran just after midnight UTC on the first of a month, when next
     * month's partition was the one a test had detached); one that cannot be attached is named.
     */
    @Test
    void shouldAttachADetachedMonthAgainOrNameItWhenItCannot() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            LedgerPartitioning.configure(db.dataSource()).load().convert();
            String next = "order_status_history_p" + SUFFIX.format(currentMonth(db).plusMonths(2));
            db.execute("ALTER TABLE order_status_history DETACH PARTITION " + next);

            PartitioningResult result = LedgerPartitioning.configure(db.dataSource()).load().createPartitionsAhead();

            assertThat(result.createdPartitions()).containsExactly(next);
            assertThat(partitions(db, "order_status_history")).contains(next);

            db.execute("ALTER TABLE order_status_history DETACH PARTITION " + next,
                    "ALTER TABLE " + next + " ADD COLUMN stray int");
            assertThatThrownBy(() -> LedgerPartitioning.configure(db.dataSource()).load().createPartitionsAhead())
                    .isInstanceOfSatisfying(LedgerPartitioningException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("PARTITION_NAME_TAKEN");
                        assertThat(e.getMessage()).contains("public." + next, "could not be attached");
                    });
            assertThat(partitions(db, "order_status_history")).doesNotContain(next);
        }
    }

    @Test
    void shouldRefuseAMonthWhoseRowsSitInTheDefaultPartition() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute(SHOP_WITH_HISTORY.formatted("public"));
            String lateRow = """
                    INSERT INTO inventory_logs (product_id, change, reason, stock_after, created_at)
                        VALUES ('00000000-0000-0000-0000-000000000002', 1, 'restock', 8, now() + interval '5 months')""";
            LedgerPartitioning.configure(db.dataSource()).load().convert();
            assertThatThrownBy(() -> db.execute(lateRow)).as("no partition takes it").hasMessageContaining("no partition");

            PartitioningResult withDefault = LedgerPartitioning.configure(db.dataSource()).defaultPartition(true).load().convert();
            assertThat(withDefault.createdPartitions()).containsExactly("inventory_logs_p_default", "order_status_history_p_default");
            db.execute(lateRow);
            YearMonth late = YearMonth.from(java.time.OffsetDateTime.now(ZoneOffset.UTC).plusMonths(5));

            assertThatThrownBy(() -> LedgerPartitioning.configure(db.dataSource()).defaultPartition(true).monthsAhead(6).load()
                    .createPartitionsAhead())
                    .isInstanceOfSatisfying(LedgerPartitioningException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("DEFAULT_PARTITION_ROWS");
                        assertThat(e.getMessage()).contains("inventory_logs_p_default", "inventory_logs_p" + SUFFIX.format(late))
                                .contains("The other missing partitions were created: ", "order_status_history_p" + SUFFIX.format(late));
                    });
            assertThat(partitions(db, "inventory_logs")).doesNotContain("inventory_logs_p" + SUFFIX.format(late))
                    .as("the months after the refused one are still made").contains("inventory_logs_p" + SUFFIX.format(late.plusMonths(1)));
            assertThat(partitions(db, "order_status_history")).as("the other ledger is not held up by this one's refusal")
                    .contains("order_status_history_p" + SUFFIX.format(late), "order_status_history_p" + SUFFIX.format(late.plusMonths(1)));
        }
    }

    /**
     * docs/schema.md, "Rows in the default partition", step by step: the default partition detached,
     * the late month created, the detached default refused (its rows now belong to that month) by
     * name, then, its rows moved, attached again by createPartitionsAhead() instead of "relation
     * already exists".
     */
    @Test
    void shouldFollowTheDocumentedMoveOfRowsOutOfTheDefaultPartition() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute(SHOP_WITH_HISTORY.formatted("public"));
            LedgerPartitioning.configure(db.dataSource()).defaultPartition(true).load().convert();
            db.execute("""
                    INSERT INTO inventory_logs (product_id, change, reason, stock_after, created_at)
                        VALUES ('00000000-0000-0000-0000-000000000002', 1, 'restock', 8, now() + interval '5 months')""");
            String late = "inventory_logs_p" + SUFFIX.format(YearMonth.from(java.time.OffsetDateTime.now(ZoneOffset.UTC).plusMonths(5)));
            LedgerPartitioning withDefault = LedgerPartitioning.configure(db.dataSource()).defaultPartition(true).monthsAhead(6).load();

            db.execute("ALTER TABLE inventory_logs DETACH PARTITION inventory_logs_p_default");
            assertThatThrownBy(withDefault::createPartitionsAhead)
                    .isInstanceOfSatisfying(LedgerPartitioningException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("PARTITION_NAME_TAKEN");
                        assertThat(e.getMessage()).contains("public.inventory_logs_p_default", "Rows in the default partition");
                    });
            assertThat(partitions(db, "inventory_logs")).as("the month is made before the default is tried")
                    .contains(late).doesNotContain("inventory_logs_p_default");

            db.execute("INSERT INTO inventory_logs SELECT * FROM inventory_logs_p_default",
                    "DELETE FROM inventory_logs_p_default");
            assertThat(withDefault.createPartitionsAhead().createdPartitions()).contains("inventory_logs_p_default");
            assertThat(partitions(db, "inventory_logs")).contains(late, "inventory_logs_p_default");
            assertThat(text(db, "SELECT count(*) FROM " + late)).isEqualTo("1");
        }
    }

    @Test
    void shouldLetAMonthBeArchivedWithDetachConcurrently() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute(SHOP_WITH_HISTORY.formatted("public"));
            LedgerPartitioning.configure(db.dataSource()).load().convert();

            db.execute("ALTER TABLE order_status_history DETACH PARTITION order_status_history_p_legacy CONCURRENTLY");

            assertThat(text(db, "SELECT count(*) FROM order_status_history")).isEqualTo("0");
            assertThat(text(db, "SELECT count(*) FROM order_status_history_p_legacy")).as("archived, not lost").isEqualTo("2");
            assertThat(text(db, "SELECT relispartition::text FROM pg_class WHERE relname = 'order_status_history_p_legacy'"))
                    .isEqualTo("false");
        }
    }

    @Test
    void shouldRefuseASchemaBelowVersionEight() {
        try (TestDatabase db = TestPostgres.get().createEmptyDatabase()) {
            TechzoneMigrations.configure(db.dataSource()).target("7").load().migrate();

            assertThatThrownBy(() -> LedgerPartitioning.configure(db.dataSource()).load().convert())
                    .isInstanceOfSatisfying(LedgerPartitioningException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("NOT_MIGRATED");
                        assertThat(e.getMessage()).contains("version 7", "Migrate first", "Nothing was changed");
                    });
            assertThat(text(db, "SELECT relkind::text FROM pg_class WHERE oid = 'inventory_logs'::regclass")).isEqualTo("r");
        }
    }

    @Test
    void shouldRefuseALedgerWhoseColumnsWereChangedByHand() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute("ALTER TABLE order_status_history ADD COLUMN channel text");

            assertThatThrownBy(() -> LedgerPartitioning.configure(db.dataSource()).load().convert())
                    .isInstanceOfSatisfying(LedgerPartitioningException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("UNEXPECTED_LAYOUT");
                        assertThat(e.getMessage()).contains("public.order_status_history", "channel text");
                    });
            assertThat(text(db, "SELECT count(*) FROM pg_constraint WHERE conname LIKE 'chk_%before%'"))
                    .as("not even the first ledger was touched").isEqualTo("0");
        }
    }

    @Test
    void shouldConvertTheLedgersOfTheConfiguredSchemaOnly() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase("shop")) {
            db.execute(SHOP_WITH_HISTORY.formatted("shop"));

            LedgerPartitioning.configure(db.dataSource()).schema("shop").load().convert();

            assertThat(text(db, "SELECT relkind::text FROM pg_class WHERE oid = 'shop.inventory_logs'::regclass")).isEqualTo("p");
            assertThat(text(db, "SELECT relkind::text FROM pg_class WHERE oid = 'public.inventory_logs'::regclass"))
                    .as("the host's table of the same name").isEqualTo("r");
            assertThat(text(db, "SELECT count(*) FROM shop.order_status_history")).isEqualTo("2");
        }
    }

    @Test
    void shouldResumeAConversionInterruptedAfterItsConstraintAndIndex() {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase()) {
            db.execute(SHOP_WITH_HISTORY.formatted("public"));
            YearMonth bound = currentMonth(db).plusMonths(2);
            // What an interrupted first call leaves: the bound NOT VALID, an INVALID half-built index.
            db.execute("ALTER TABLE inventory_logs ADD CONSTRAINT chk_inventory_logs_before_" + SUFFIX.format(bound)
                            + " CHECK (created_at < '" + bound.atDay(1) + " 00:00:00+00') NOT VALID",
                    "CREATE UNIQUE INDEX inventory_logs_p_legacy_pkey ON inventory_logs (id, created_at)",
                    "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'inventory_logs_p_legacy_pkey'::regclass");

            PartitioningResult result = LedgerPartitioning.configure(db.dataSource()).load().convert();

            assertThat(result.convertedTables()).containsExactly("inventory_logs", "order_status_history");
            assertThat(text(db, "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'inventory_logs_p_legacy'"))
                    .startsWith("FOR VALUES FROM (MINVALUE) TO ('" + bound.atDay(1));
            assertThat(text(db, "SELECT bool_and(indisvalid)::text FROM pg_index WHERE indrelid = 'inventory_logs_p_legacy'::regclass"))
                    .isEqualTo("true");
        }
    }

    @Test
    void shouldGiveUpWhileALongTransactionHoldsTheLedgerAndResumeLater() throws SQLException {
        try (TestDatabase db = TestPostgres.get().createMigratedDatabase();
             Connection reader = db.dataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.executeQuery("SELECT count(*) FROM inventory_logs").close();   // a long report, still open
            }
            LedgerPartitioning impatient = LedgerPartitioning.configure(db.dataSource())
                    .lockTimeout(Duration.ofMillis(50)).attempts(2).load();

            assertThatThrownBy(impatient::convert).isInstanceOfSatisfying(LedgerPartitioningException.class, e -> {
                assertThat(e.errorCode()).isEqualTo("LOCK_TIMEOUT");
                assertThat(e.sqlState()).contains("55P03");
                assertThat(e.getMessage()).contains("inventory_logs", "50 ms on 2 attempts", "call again later");
            });
            assertThat(text(db, "SELECT relkind::text FROM pg_class WHERE oid = 'inventory_logs'::regclass")).isEqualTo("r");

            reader.rollback();
            assertThat(impatient.convert().convertedTables()).containsExactly("inventory_logs", "order_status_history");
        }
    }

    @Test
    void shouldLeaveTheLedgersToTheirOwnerAndTheApplicationItsGrantsWhenASuperuserConverts() {
        TechzoneRoles roles = TechzoneRoles.configure().owner(TestRoles.unique("lp_owner"))
                .application(TestRoles.unique("lp_app")).monitor(TestRoles.unique("lp_monitor")).load();
        try (TestDatabase admin = TestPostgres.get().createEmptyDatabase()) {
            roles.apply(admin.dataSource());
            TechzoneMigrations.migrate(new TestDatabase(admin.name(), admin.jdbcUrl(), roles.owner(), "").dataSource());
            roles.apply(admin.dataSource());

            LedgerPartitioning.configure(admin.dataSource()).load().convert();   // as the test's superuser

            assertThat(text(admin, "SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class "
                    + "WHERE relname LIKE 'inventory_logs%' OR relname LIKE 'order_status_history%'")).isEqualTo(roles.owner());
            TestDatabase application = new TestDatabase(admin.name(), admin.jdbcUrl(), roles.application(), "");
            application.execute(SHOP_WITH_HISTORY.formatted("public"));
            assertThat(text(application, "SELECT count(*) FROM inventory_logs")).isEqualTo("2");
            TestDatabase monitor = new TestDatabase(admin.name(), admin.jdbcUrl(), roles.monitor(), "");
            assertThat(text(monitor, "SELECT count(*) FROM order_status_history")).isEqualTo("2");
        } finally {
            TestRoles.drop(roles.owner(), roles.application(), roles.monitor());
        }
    }

    @Test
    void shouldNameTheBadSetting() {
        LedgerPartitioning.Builder builder = LedgerPartitioning.configure(new org.postgresql.ds.PGSimpleDataSource());
        assertThatThrownBy(() -> builder.monthsAhead(0)).hasMessageContaining("monthsAhead");
        assertThatThrownBy(() -> builder.lockTimeout(Duration.ZERO)).hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> builder.attempts(0)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> builder.schema("Shop; DROP")).hasMessageContaining("schema");
    }

    private static YearMonth currentMonth(TestDatabase db) {
        return YearMonth.parse(text(db, "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM')"));
    }

    private static List<String> partitions(TestDatabase db, String table) {
        String list = text(db, "SELECT string_agg(inhrelid::regclass::text, ',' ORDER BY inhrelid::regclass::text) "
                + "FROM pg_inherits WHERE inhparent = '" + table + "'::regclass");
        return list == null ? List.of() : List.of(list.split(","));
    }

    private static String text(TestDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
