package com.techzone.health;

import static com.techzone.health.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group A: each scored check finds its fault on a schema broken on purpose, and the score drops. */
class SchemaChecksTest {

    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.get().createMigratedDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private HealthReport schemaOnly() {
        return TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.SCHEMA).build().run();
    }

    @Test
    void shouldFindAMissingTable() {
        db.execute("DROP TABLE sales_reports");
        HealthReport report = schemaOnly();
        assertThat(report.check("schema.tables").orElseThrow().findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.object()).isEqualTo("sales_reports");
                    assertThat(f.measured()).isEqualTo("12/13");
                });
        // its check constraints went with it, so two scored checks fail
        assertThat(report.score()).hasToString("4/6");
        assertThat(report.status()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void shouldFindAMissingForeignKeyAndAWrongDeleteRule() {
        db.execute("ALTER TABLE reviews DROP CONSTRAINT fk_reviews_user_id",
                "ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id",
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE");
        CheckResult result = check(db, "schema.foreign-keys");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).extracting(Finding::object).containsExactly("orders.user_id", "reviews.user_id");
        assertThat(result.findings().get(0).message()).contains("ON DELETE CASCADE; expected users ON DELETE RESTRICT");
    }

    @Test
    void shouldFindADroppedForeignKeyIndexAndRecommendCreatingItConcurrently() {
        db.execute("DROP INDEX idx_order_items_order_id");
        CheckResult result = check(db, "schema.foreign-key-indexes");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.recommendation())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_order_items_order_id ON order_items (order_id)"));
    }

    @Test
    void shouldFindAMissingAndANotValidCheckConstraint() {
        db.execute("ALTER TABLE reviews DROP CONSTRAINT chk_reviews_rating_range",
                "ALTER TABLE products DROP CONSTRAINT chk_products_price_positive",
                "ALTER TABLE products ADD CONSTRAINT chk_products_price_positive CHECK (price > 0) NOT VALID");
        CheckResult result = check(db, "schema.check-constraints");
        assertThat(result.findings()).extracting(Finding::object, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("products.chk_products_price_positive", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("reviews.chk_reviews_rating_range", Severity.CRITICAL));
    }

    @Test
    void shouldFindAnEnumTypeMissingAValue() {
        db.execute("ALTER TYPE order_status RENAME TO order_status_old",
                "CREATE TYPE order_status AS ENUM ('pending', 'processing', 'layaway', 'shipped', 'delivered', 'cancelled', 'refunded')");
        CheckResult result = check(db, "schema.enum-types");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("order_status");
            assertThat(f.recommendation()).contains("ALTER TYPE order_status ADD VALUE 'on_hold' AFTER 'refunded'");
        });
    }

    @Test
    void shouldFindMoneyInFloatingPointAndATimestampWithoutZone() {
        db.execute("ALTER TABLE products ALTER COLUMN price TYPE double precision",
                "ALTER TABLE orders ALTER COLUMN shipping_address TYPE varchar(500)");
        CheckResult result = check(db, "schema.column-types");
        assertThat(result.findings()).extracting(Finding::object, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("products.price", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("orders.shipping_address", Severity.WARNING));
        db.execute("ALTER TABLE contacts ALTER COLUMN created_at TYPE timestamp");
        assertThat(check(db, "schema.column-types").findings()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("contacts.created_at");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void shouldFindPendingAndFailedMigrations() {
        db.execute("DELETE FROM techzone_schema_history WHERE version = '6'");
        CheckResult pending = check(db, "schema.migrations");
        assertThat(pending.status()).isEqualTo(Status.WARNING);
        assertThat(pending.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("pending"));
        db.execute("INSERT INTO techzone_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, '6', 'broken', 'SQL', 'V6__broken.sql', 1, 'me', 1, false)");
        assertThat(check(db, "schema.migrations").findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("Migration V6 (broken) failed");
        });
    }

    @Test
    void shouldFindDriftBothWays() {
        db.execute("CREATE TABLE audit_scratch (id int PRIMARY KEY)", "DROP TRIGGER trg_contacts_updated_at ON contacts");
        CheckResult result = check(db, "schema.drift");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).extracting(Finding::object)
                .contains("audit_scratch", "audit_scratch.id", "contacts.trg_contacts_updated_at");
    }

    @Test
    void shouldDropFindingsAboutExcludedObjects() {
        db.execute("CREATE TABLE audit_scratch (id int PRIMARY KEY)");
        CheckResult result = check(db, "schema.drift", b -> b.exclude("audit_scratch"));
        assertThat(result.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
    }
}
