package com.techzone.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TechZone in a schema that is not on the search_path (case 11): every check reads that schema, and
 * a run that looks in the wrong schema says where the tables are.
 */
class TenantSchemaTest {

    private static final String TENANT = "tenant_a";

    private TestDatabase db;

    @BeforeEach
    void migrateIntoATenantSchema() {
        db = TestPostgres.get().createEmptyDatabase();
        TechzoneMigrations.configure(db.dataSource()).schema(TENANT).load().migrate();
        db.execute("INSERT INTO tenant_a.users (id, email, password_hash, full_name) VALUES ('" + Fixtures.USER
                        + "', 'ann@shop.example', 'x', 'Ann')",
                "INSERT INTO tenant_a.products (id, sku, name, price, stock) VALUES ('" + Fixtures.PRODUCT
                        + "', 'LAP-1', 'Laptop', 999.00, 5)",
                "INSERT INTO tenant_a.inventory_logs (product_id, change, reason, stock_after) VALUES ('" + Fixtures.PRODUCT
                        + "', 5, 'initial', 5)");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldScoreAFreshTenantSchemaSixOfSixWithEveryCheckReadingIt() {
        HealthReport report = TechzoneHealth.configure(db.dataSource()).schema(TENANT)
                .groups(CheckGroup.SCHEMA, CheckGroup.DOMAIN).build().run();

        assertThat(report.check("schema.column-types").orElseThrow().findings()).isEmpty();
        assertThat(report.score()).hasToString("6/6");
        assertThat(report.checks()).filteredOn(c -> c.group() == CheckGroup.DOMAIN)
                .hasSize(5).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.HEALTHY));
        assertThat(report.check("schema.migrations").orElseThrow().findings()).isEmpty();
        assertThat(report.check("schema.drift").orElseThrow().findings()).isEmpty();
    }

    @Test
    void shouldFindAFaultInTheTenantSchemaNotInPublic() {
        db.execute("UPDATE tenant_a.products SET stock = 7");
        CheckResult ledger = Fixtures.check(db, "domain.inventory-ledger", b -> b.schema(TENANT));
        assertThat(ledger.status()).isEqualTo(Status.CRITICAL);
        assertThat(ledger.findings()).singleElement().satisfies(f -> {
            assertThat(f.measured()).isEqualTo("stock 7");
            assertThat(f.recommendation()).contains("UPDATE tenant_a.products");
        });
    }

    @Test
    void shouldJudgeAnEnumColumnOfAnotherSchemasTypeAsWrong() {
        db.execute("CREATE TYPE public.user_role AS ENUM ('user', 'admin')",
                "ALTER TABLE tenant_a.users ALTER COLUMN role DROP DEFAULT",
                "ALTER TABLE tenant_a.users ALTER COLUMN role TYPE public.user_role USING role::text::public.user_role");
        CheckResult types = Fixtures.check(db, "schema.column-types", b -> b.schema(TENANT));
        assertThat(types.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("users.role");
            assertThat(f.measured()).isEqualTo("public.user_role");
            assertThat(f.recommendation()).contains("TYPE tenant_a.user_role");
        });
    }

    @Test
    void shouldNameTheSchemaHoldingTheTablesWhenPublicHasNone() {
        CheckResult tables = Fixtures.check(db, "schema.tables", b -> b.groups(CheckGroup.SCHEMA));
        assertThat(tables.status()).isEqualTo(Status.CRITICAL);
        assertThat(tables.findings()).hasSize(13).allSatisfy(f -> assertThat(f.recommendation())
                .contains("The TechZone tables are in schema tenant_a (13/13 tables), not in public")
                .contains(".schema(\"tenant_a\")").contains("--schema tenant_a"));
    }

    /** A misspelt schema (found by the fresh-user trial: 13 "missing" lines, none saying the schema is not there). */
    @Test
    void shouldSayInOneFindingThatASchemaDoesNotExistAndWhereTheTablesAre() {
        HealthReport report = TechzoneHealth.configure(db.dataSource()).schema("tenant_x").groups(CheckGroup.SCHEMA).build().run();

        CheckResult tables = report.check("schema.tables").orElseThrow();
        assertThat(tables.status()).isEqualTo(Status.CRITICAL);
        assertThat(tables.findings()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("tenant_x");
            assertThat(f.message()).isEqualTo("Schema tenant_x does not exist in this database, so none of the 13 TechZone tables is there");
            assertThat(f.recommendation()).contains("The TechZone tables are in schema tenant_a (13/13 tables)", "--schema tenant_a");
        });
        assertThat(report.status()).isEqualTo(Status.CRITICAL);
        assertThat(report.checks()).as("one finding each: the missing schema, not its missing objects")
                .allSatisfy(c -> assertThat(c.findings()).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void shouldSayUnknownNotOkWhereTheSchemaHoldsNoneOfTheTablesAChecksJudges() {
        HealthReport report = TechzoneHealth.configure(db.dataSource()).groups(CheckGroup.SCHEMA).build().run();

        // Every check that judges the tables' objects: none says OK, and none lists hundreds of "missing"
        // objects of tables that are not there (the fresh-user trial counted 307 CRITICAL lines for --schema nosuch).
        for (String id : List.of("schema.foreign-key-indexes", "schema.column-types", "schema.check-constraints",
                "schema.drift", "schema.foreign-keys", "schema.enum-types")) {
            assertThat(report.check(id).orElseThrow()).as(id).satisfies(c -> {
                assertThat(c.status()).isEqualTo(Status.UNKNOWN);
                assertThat(c.findings()).singleElement().satisfies(f -> {
                    assertThat(f.object()).isEqualTo("public");
                    assertThat(f.message()).isEqualTo("Nothing to judge: schema public holds none of the TechZone tables (see schema.tables)");
                });
            });
        }
        assertThat(report.score()).hasToString("0/6");
        assertThat(report.status()).as("missing tables stay CRITICAL").isEqualTo(Status.CRITICAL);
    }
}
