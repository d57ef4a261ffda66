package com.techzone.health;

import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group B: each pg-index-health check finds its fault; runtime checks wait for old enough statistics. */
class IndexChecksTest {

    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.get().createMigratedDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldFindADuplicatedIndex() {
        db.execute("CREATE INDEX idx_orders_status_copy ON orders (status, created_at)");
        CheckResult result = check(db, "index.duplicated");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation()).startsWith("DROP INDEX CONCURRENTLY");
        });
    }

    @Test
    void shouldAdviseDroppingOnlyTheDuplicateNamedLikeAPlainIndex() {
        db.execute("CREATE INDEX orders_status_created ON orders (status, created_at)");
        assertThat(check(db, "index.duplicated").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object()).isEqualTo("orders.idx_orders_status");
            assertThat(f.recommendation()).as("one of the two goes, not both, and not the one named otherwise")
                    .isEqualTo("DROP INDEX CONCURRENTLY idx_orders_status");
        });
    }

    @Test
    void shouldFindAnIndexOnABooleanColumn() {
        db.execute("CREATE INDEX idx_products_is_active ON products (is_active)");
        assertThat(check(db, "index.boolean").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object()).isEqualTo("products.idx_products_is_active");
            assertThat(f.message()).isEqualTo("Index idx_products_is_active includes the boolean column is_active: it cannot narrow a search");
        });
    }

    @Test
    void shouldFindANotValidConstraint() {
        db.execute("ALTER TABLE orders ADD CONSTRAINT chk_orders_currency_usd CHECK (currency = 'USD') NOT VALID");
        assertThat(check(db, "index.not-valid-constraints").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation()).contains("validate constraint chk_orders_currency_usd");
        });
    }

    @Test
    void shouldFindAnInvalidIndexLeftByAFailedConcurrentBuild() {
        db.execute("INSERT INTO categories (name, slug) VALUES ('Twin', 'twin-a'), ('Twin', 'twin-b')");
        assertThatThrownBy(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY uq_categories_name ON categories (name)"))
                .hasMessageContaining("could not create unique index");
        assertThat(check(db, "index.invalid").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object()).isEqualTo("categories.uq_categories_name");
        });
    }

    @Test
    void shouldFindATableWithoutPrimaryKey() {
        db.execute("CREATE TABLE import_rows (payload text)");
        assertThat(check(db, "index.tables-without-primary-key").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object()).isEqualTo("import_rows");
        });
    }

    @Test
    void shouldFindAForeignKeyWithoutIndex() {
        db.execute("DROP INDEX idx_reviews_user_id");
        assertThat(check(db, "index.foreign-keys-without-index").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object()).isEqualTo("reviews.user_id");
        });
    }

    @Test
    void shouldFindABloatedTableAndIndex() {
        db.execute("ALTER TABLE contacts SET (autovacuum_enabled = false)",
                "INSERT INTO contacts (name, email, subject, message) SELECT 'Visitor', 'v' || g || '@shop.example', "
                        + "'Question', repeat('x', 200) FROM generate_series(1, 20000) g",
                "DELETE FROM contacts WHERE random() < 0.85", "ANALYZE contacts");
        CheckResult tables = check(db, "index.table-bloat", b -> b.bloatMinimumBytes(0));
        assertThat(tables.findings()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("contacts");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        CheckResult indexes = check(db, "index.index-bloat", b -> b.bloatMinimumBytes(0));
        assertThat(indexes.status()).isEqualTo(Status.CRITICAL);
        assertThat(indexes.findings()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("contacts.pk_contacts");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.recommendation()).isEqualTo("REINDEX INDEX CONCURRENTLY pk_contacts");
        });
        assertThat(check(db, "index.index-bloat").findings()).as("under 1 MiB: not judged by default").isEmpty();
    }

    @Test
    void shouldJudgeBloatOfRelationsFromTheMinimumSizeOn() {
        db.execute("ALTER TABLE contacts SET (autovacuum_enabled = false)",
                "INSERT INTO contacts (name, email, subject, message) SELECT 'Visitor', 'v' || g || '@shop.example', "
                        + "'Question', repeat('x', 200) FROM generate_series(1, 20000) g",
                "DELETE FROM contacts WHERE random() < 0.85", "ANALYZE contacts");
        long table = number(db, "SELECT pg_table_size('contacts')");
        long index = number(db, "SELECT pg_relation_size('pk_contacts')");
        assertThat(check(db, "index.table-bloat", b -> b.bloatMinimumBytes(table)).findings())
                .as("a table of exactly the minimum size is judged")
                .filteredOn(f -> f.object().equals("contacts")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(check(db, "index.table-bloat", b -> b.bloatMinimumBytes(table + 1)).findings())
                .as("one byte under the minimum: not judged")
                .noneSatisfy(f -> assertThat(f.object()).isEqualTo("contacts"));
        assertThat(check(db, "index.index-bloat", b -> b.bloatMinimumBytes(index)).findings())
                .as("an index of exactly the minimum size is judged")
                .filteredOn(f -> f.object().equals("contacts.pk_contacts")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(check(db, "index.index-bloat", b -> b.bloatMinimumBytes(index + 1)).findings())
                .as("one byte under the minimum: not judged")
                .noneSatisfy(f -> assertThat(f.object()).isEqualTo("contacts.pk_contacts"));
    }

    @Test
    void shouldNotJudgeUnusedIndexesOnYoungStatisticsButFindThemOnOldEnoughOnes() {
        CheckResult young = check(db, "index.unused");
        assertThat(young.status()).isEqualTo(Status.HEALTHY);
        assertThat(young.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("Not judged"));
        assertThat(check(db, "index.statistics-age").findings()).singleElement().satisfies(f ->
                assertThat(f.message()).contains("not judged until"));

        db.execute("INSERT INTO categories (name, slug) SELECT 'C' || g, 'c-' || g FROM generate_series(1, 3000) g",
                "CREATE INDEX idx_categories_description ON categories (description)", "ANALYZE categories");
        CheckResult judged = check(db, "index.unused", b -> b.minimumStatisticsAge(Duration.ZERO));
        assertThat(judged.findings()).filteredOn(f -> f.object().equals("categories.idx_categories_description"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void shouldFindIntersectedIndexes() {
        db.execute("CREATE INDEX idx_orders_status_only ON orders (status)");
        CheckResult result = check(db, "index.intersected");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object()).startsWith("orders.");
            assertThat(f.message()).contains("idx_orders_status_only").contains("idx_orders_status,");
        });
    }

    @Test
    void shouldFindATableReadBySequentialScansOnceStatisticsAreOldEnough() {
        db.execute("INSERT INTO contacts (name, email, subject, message) SELECT 'Visitor', 'v' || g || '@shop.example', "
                        + "'Question', 'm' FROM generate_series(1, 2000) g",
                "DO $$ BEGIN FOR i IN 1..150 LOOP PERFORM count(*) FROM contacts WHERE message = 'lost'; END LOOP; END $$", Statistics.FLUSH);
        Statistics.awaitVisible(db, "SELECT seq_scan >= 150 FROM pg_stat_user_tables WHERE relname = 'contacts'");
        CheckResult young = check(db, "index.missing-indexes");
        assertThat(young.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("Not judged");
        });
        CheckResult judged = check(db, "index.missing-indexes", b -> b.minimumStatisticsAge(Duration.ZERO));
        assertThat(judged.status()).isEqualTo(Status.WARNING);
        assertThat(judged.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("contacts");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.measured()).as("the 150 scans of the loop, nothing else reads contacts").isEqualTo("150 seq scans");
        });
    }

    @Test
    void shouldFindASequenceCloseToOverflow() {
        db.execute("CREATE SEQUENCE ticket_seq AS smallint", "SELECT setval('ticket_seq', 32000)");
        CheckResult warning = check(db, "index.sequence-overflow");
        assertThat(warning.status()).isEqualTo(Status.WARNING);
        assertThat(warning.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("ticket_seq");
            assertThat(f.severity()).as("2.34% left").isEqualTo(Severity.WARNING);
            assertThat(f.measured()).isEqualTo("2.34%");
        });
        db.execute("SELECT setval('ticket_seq', 32600)");
        assertThat(check(db, "index.sequence-overflow").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("0.51% left").isEqualTo(Severity.CRITICAL);
            assertThat(f.measured()).isEqualTo("0.51%");
        });
        db.execute("DROP SEQUENCE ticket_seq");
    }

    @Test
    void shouldCallASequenceCriticalOnlyBelowOnePercentLeft() {
        db.execute("CREATE SEQUENCE edge_seq AS smallint MINVALUE 0 MAXVALUE 100", "SELECT setval('edge_seq', 89)");
        assertThat(check(db, "index.sequence-overflow").findings()).as("11% left").isEmpty();
        db.execute("SELECT setval('edge_seq', 90)");
        assertThat(check(db, "index.sequence-overflow").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("10% left").isEqualTo(Severity.WARNING);
            assertThat(f.measured()).isEqualTo("10.00%");
            assertThat(f.threshold()).isEqualTo("10%");
            assertThat(f.message()).isEqualTo("Sequence edge_seq (smallint) has 10.00% of its range left");
        });
        db.execute("SELECT setval('edge_seq', 99)");
        assertThat(check(db, "index.sequence-overflow").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("1% left: not yet below 1%").isEqualTo(Severity.WARNING);
            assertThat(f.measured()).isEqualTo("1.00%");
        });
        db.execute("SELECT setval('edge_seq', 100)");
        assertThat(check(db, "index.sequence-overflow").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("nothing left").isEqualTo(Severity.CRITICAL);
            assertThat(f.measured()).isEqualTo("0.00%");
        });
    }

    private static long number(TestDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
