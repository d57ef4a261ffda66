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
        db.execute("ALTER TABLE contacts ALTER COLUMN created_at TYPE timestamp", "ALTER TABLE order_items ALTER COLUMN price TYPE bigint");
        assertThat(check(db, "schema.column-types").findings()).anySatisfy(f -> {
            assertThat(f.object()).isEqualTo("contacts.created_at");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        }).anySatisfy(f -> {
            // money in whole numbers: no float, but no cents either
            assertThat(f.object()).isEqualTo("order_items.price");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).isEqualTo("order_items.price holds money but is bigint");
        });
    }

    @Test
    void shouldFindPendingAndFailedMigrations() {
        db.execute("DELETE FROM techzone_schema_history WHERE installed_rank = "
                + "(SELECT max(installed_rank) FROM techzone_schema_history)");
        CheckResult pending = check(db, "schema.migrations");
        assertThat(pending.status()).isEqualTo(Status.WARNING);
        assertThat(pending.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("pending"));
        db.execute("INSERT INTO techzone_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, '7', 'broken', 'SQL', 'V7__broken.sql', 1, 'me', 1, false)");
        assertThat(check(db, "schema.migrations").findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("Migration V7 (broken) failed");
        });
    }

    @Test
    void shouldFindAnEditedAndAnUnappliedMigrationInTheHistory() {
        db.execute("UPDATE techzone_schema_history SET checksum = checksum + 1 WHERE version = '2'",
                "DELETE FROM techzone_schema_history WHERE version = '3'");
        CheckResult result = check(db, "schema.migrations");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("does not match the packaged migrations")
                .contains("migration V2 checksum mismatch")
                .contains("migration V3 (create carts and orders) is packaged but was never applied"));
    }

    @Test
    void shouldFindAMigrationAppliedButNotPackaged() {
        // older than the latest packaged version, so neither "pending" nor "newer": a mismatch
        db.execute("INSERT INTO techzone_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (98, '7.5', 'hotfix', 'SQL', 'V7_5__hotfix.sql', 1, 'me', 1, true)");
        assertThat(check(db, "schema.migrations").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("does not match the packaged migrations")
                    .contains("migration V7.5 was applied but is not packaged");
        });
    }

    @Test
    void shouldSayNoMigrationIsRecordedWhenTheHistoryTableIsMissing() {
        db.execute("DROP TABLE techzone_schema_history");
        assertThat(check(db, "schema.migrations").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).startsWith("No TechZone migration is recorded");
        });
    }

    @Test
    void shouldFindDriftBothWays() {
        db.execute("ALTER TABLE orders ADD COLUMN audit_note text", "CREATE INDEX idx_orders_audit_note ON orders (audit_note)",
                "DROP TRIGGER trg_contacts_updated_at ON contacts");
        CheckResult result = check(db, "schema.drift");
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.findings()).extracting(Finding::object).containsExactlyInAnyOrder(
                "orders.audit_note", "orders.idx_orders_audit_note", "contacts.trg_contacts_updated_at");
    }

    @Test
    void shouldJudgeEachKindOfDriftWithTheSeverityAndNameTheDocsGive() {
        // Missing: CRITICAL for columns and constraints, WARNING for indexes, functions, triggers;
        // added on a TechZone table: WARNING; an extension in the schema: INFO, except pg_stat_statements,
        // which the query-time checks ask for.
        db.execute("ALTER TABLE contacts DROP COLUMN subject", "DROP INDEX idx_contacts_status",
                "DROP FUNCTION set_updated_at() CASCADE", "ALTER TABLE orders ADD COLUMN audit_note text",
                "CREATE INDEX idx_orders_audit_note ON orders (audit_note)", "CREATE EXTENSION pg_stat_statements",
                "CREATE EXTENSION pg_trgm");
        CheckResult result = check(db, "schema.drift");
        assertThat(result.status()).isEqualTo(Status.CRITICAL);
        assertThat(result.findings()).filteredOn(f -> !f.object().contains(".trg_"))
                .extracting(Finding::object, Finding::severity, Finding::message).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("contacts.subject", Severity.CRITICAL,
                                "The column contacts.subject that the migrations create is missing"),
                        org.assertj.core.groups.Tuple.tuple("contacts.chk_contacts_subject_length", Severity.CRITICAL,
                                "The constraint chk_contacts_subject_length on contacts that the migrations create is missing"),
                        org.assertj.core.groups.Tuple.tuple("contacts.idx_contacts_status", Severity.WARNING,
                                "The index idx_contacts_status on contacts that the migrations create is missing"),
                        org.assertj.core.groups.Tuple.tuple("set_updated_at", Severity.WARNING,
                                "The function set_updated_at that the migrations create is missing"),
                        org.assertj.core.groups.Tuple.tuple("orders.audit_note", Severity.WARNING,
                                "The column orders.audit_note was not created by the TechZone migrations"),
                        org.assertj.core.groups.Tuple.tuple("orders.idx_orders_audit_note", Severity.WARNING,
                                "The index idx_orders_audit_note on orders was not created by the TechZone migrations"),
                        org.assertj.core.groups.Tuple.tuple("pg_trgm", Severity.INFO,
                                "The extension pg_trgm was not created by the TechZone migrations"));
        assertThat(result.findings()).filteredOn(f -> f.object().equals("pg_trgm")).singleElement()
                .satisfies(f -> assertThat(f.recommendation()).startsWith("Nothing to do if the database's owner installed it"));
        // the function's triggers went with it: one WARNING per TechZone table that had one (10)
        assertThat(result.findings()).filteredOn(f -> f.object().contains(".trg_")).hasSize(10)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void shouldLeaveTheHostsOwnObjectsInASharedSchemaAlone() {
        db.execute("CREATE TABLE users2 (id bigint PRIMARY KEY, email text NOT NULL)",
                "CREATE UNIQUE INDEX users2_email ON users2 (email)",
                "CREATE TYPE mood AS ENUM ('happy', 'sad')",
                "CREATE TABLE host_notes (id bigint PRIMARY KEY, user_id uuid REFERENCES users (id), body varchar(80))",
                "CREATE TABLE orders_archive (id bigint PRIMARY KEY, mood mood, placed timestamp, "
                        + "CONSTRAINT orders_archive_positive CHECK (id > 0))",
                "CREATE FUNCTION host_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER host_touch BEFORE UPDATE ON orders_archive FOR EACH ROW EXECUTE FUNCTION host_touch()",
                // the host's own Flyway history, as Flyway creates it
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), "
                        + "description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, "
                        + "checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), "
                        + "execution_time int NOT NULL, success boolean NOT NULL)",
                "CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success)",
                "INSERT INTO flyway_schema_history VALUES (1, '1', 'host tables', 'SQL', 'V1__host_tables.sql', 42, "
                        + "'host', now(), 5, true)");
        HealthReport report = schemaOnly();
        assertThat(report.check("schema.drift").orElseThrow().findings()).isEmpty();
        assertThat(report.check("schema.column-types").orElseThrow().findings()).isEmpty();
        assertThat(report.check("schema.migrations").orElseThrow().findings()).isEmpty();
        assertThat(report.score()).hasToString("6/6");

        db.execute("ALTER TABLE orders ADD COLUMN archived_at timestamptz");
        assertThat(check(db, "schema.drift").findings()).extracting(Finding::object).containsExactly("orders.archived_at");
    }

    @Test
    void shouldDropFindingsAboutExcludedObjects() {
        db.execute("ALTER TABLE orders ADD COLUMN audit_note text");
        CheckResult result = check(db, "schema.drift", b -> b.exclude("orders.audit_note"));
        assertThat(result.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
    }
}
