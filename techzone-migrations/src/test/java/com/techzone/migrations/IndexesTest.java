package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.connection.host.PgHostImpl;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ColumnsWithCharTypeCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ColumnsWithFixedLengthVarcharCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ColumnsWithMoneyTypeCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ColumnsWithTimestampOrTimetzTypeCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.DuplicatedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IndexesWithBooleanCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IntersectedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.InvalidIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.NotValidConstraintsCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithoutPrimaryKeyCheckOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import io.github.mfvanek.pg.model.table.TableNameAware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index set: every FK covered, nothing redundant, the report's 40 names accounted for as
 * docs/schema.md says; and pg-index-health's static checks, an independent oracle, all quiet.
 */
@TechzoneDatabaseTest
class IndexesTest {

    private static final Path SCHEMA_DOC = Path.of("..", "docs", "schema.md");
    private static final Pattern REPORT_ROW = Pattern.compile("^\\| (idx_[a-z_]+) \\| (created|merged into `([a-z_]+)`) \\|", Pattern.MULTILINE);

    private final DataSource dataSource;
    private final SchemaCatalog catalog;

    IndexesTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.catalog = new SchemaCatalog(dataSource);
    }

    @Test
    void shouldCoverEveryForeignKeyWithANonPartialIndexLeadingWithItsColumns() {
        assertThat(catalog.strings("""
                SELECT con.conname FROM pg_constraint con
                WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
                  AND NOT EXISTS (
                      SELECT 1 FROM pg_index i
                      WHERE i.indrelid = con.conrelid AND i.indpred IS NULL
                        AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] = con.conkey)""")).isEmpty();
    }

    @Test
    void shouldHaveNoIndexThatIsALeadingPrefixOfAnotherWithTheSamePredicate() {
        assertThat(catalog.strings("""
                SELECT a.indexrelid::regclass || ' is a prefix of ' || b.indexrelid::regclass
                FROM pg_index a JOIN pg_index b
                  ON a.indrelid = b.indrelid AND a.indexrelid <> b.indexrelid
                 AND coalesce(pg_get_expr(a.indpred, a.indrelid), '') = coalesce(pg_get_expr(b.indpred, b.indrelid), '')
                 AND coalesce(pg_get_expr(a.indexprs, a.indrelid), '') = coalesce(pg_get_expr(b.indexprs, b.indrelid), '')
                JOIN pg_class t ON t.oid = a.indrelid
                WHERE t.relnamespace = 'public'::regnamespace
                  AND NOT a.indisunique AND NOT a.indisexclusion
                  AND cardinality(a.indkey::int2[]) <= cardinality(b.indkey::int2[])
                  AND (b.indkey::int2[])[0:cardinality(a.indkey::int2[]) - 1] = a.indkey::int2[]""")).isEmpty();
    }

    @Test
    void shouldHaveNoIndexOnALoneBooleanColumn() {
        assertThat(catalog.strings("""
                SELECT i.indexrelid::regclass::text FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'techzone_schema_history'
                  AND i.indnatts = 1 AND a.atttypid = 'bool'::regtype""")).isEmpty();
    }

    @Test
    void shouldAccountForTheReportsFortyIndexNamesAsTheSchemaDocSays() throws IOException {
        Map<String, String> rows = reportIndexRows();
        List<String> indexes = catalog.indexes("public");

        assertThat(rows).as("rows of the table in docs/schema.md").hasSize(40);
        rows.forEach((reportName, mergedInto) -> {
            if (mergedInto == null) {
                assertThat(indexes).as("created as named").contains(reportName);
            } else {
                assertThat(indexes).as(reportName + " merged").doesNotContain(reportName).contains(mergedInto);
            }
        });
        assertThat(rows.values().stream().filter(v -> v == null).count()).isEqualTo(25);
        assertThat(indexes).as("13 primary keys, 9 unique, 1 exclusion, 28 idx_").hasSize(51);
    }

    @Test
    void shouldBuildTheOrdersIndexesByCreationTimeAsTheSchemaDocDescribesThem() throws IOException {
        String doc = Files.readString(SCHEMA_DOC);

        assertThat(doc).contains("| idx_orders_created_at | created | B-tree (created_at) INCLUDE (status, total) since V10");
        assertThat(catalog.strings("""
                SELECT pg_get_indexdef(c.oid) FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname IN ('idx_orders_created_at', 'idx_orders_pending_created_at')
                ORDER BY c.relname""")).containsExactly(
                "CREATE INDEX idx_orders_created_at ON public.orders USING btree (created_at) INCLUDE (status, total)",
                "CREATE INDEX idx_orders_pending_created_at ON public.orders USING btree (created_at) WHERE (status = 'pending'::order_status)");
        assertThat(catalog.strings("""
                SELECT c.relname FROM pg_class c JOIN pg_am am ON am.oid = c.relam
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'i' AND am.amname = 'brin'""")).isEmpty();
    }

    static Stream<Arguments> pgIndexHealthStaticChecks() {
        Map<String, Function<PgConnection, DatabaseCheckOnHost<? extends DbObject>>> checks = new LinkedHashMap<>();
        checks.put("duplicated indexes", DuplicatedIndexesCheckOnHost::new);
        checks.put("intersected indexes", IntersectedIndexesCheckOnHost::new);
        checks.put("invalid indexes", InvalidIndexesCheckOnHost::new);
        checks.put("foreign keys without index", ForeignKeysNotCoveredWithIndexCheckOnHost::new);
        checks.put("indexes on boolean columns", IndexesWithBooleanCheckOnHost::new);
        checks.put("tables without primary key", TablesWithoutPrimaryKeyCheckOnHost::new);
        checks.put("money columns", ColumnsWithMoneyTypeCheckOnHost::new);
        checks.put("timestamp without time zone columns", ColumnsWithTimestampOrTimetzTypeCheckOnHost::new);
        checks.put("varchar(n) columns", ColumnsWithFixedLengthVarcharCheckOnHost::new);
        checks.put("char(n) columns", ColumnsWithCharTypeCheckOnHost::new);
        checks.put("NOT VALID constraints", NotValidConstraintsCheckOnHost::new);
        return checks.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "pg-index-health: no {0}")
    @MethodSource("pgIndexHealthStaticChecks")
    void shouldPassPgIndexHealthStaticCheck(String name, Function<PgConnection, DatabaseCheckOnHost<? extends DbObject>> factory) {
        PgConnection connection = PgConnectionImpl.of(dataSource, PgHostImpl.ofUrl(
                "jdbc:postgresql://localhost:5432/ignored"));
        DatabaseCheckOnHost<? extends DbObject> check = factory.apply(connection);

        List<? extends DbObject> findings = check.check(PgContext.of("public"),
                object -> !isFlywayHistory(object));

        assertThat(findings).as(name).isEmpty();
    }

    @Test
    void shouldMakePgIndexHealthFindADroppedForeignKeyIndex() {
        // The oracle is only worth trusting if it can fail: break the schema and see it notice.
        try (var db = com.techzone.testing.TestPostgres.get().createMigratedDatabase()) {
            db.execute("DROP INDEX idx_order_items_order_id");
            var check = new ForeignKeysNotCoveredWithIndexCheckOnHost(PgConnectionImpl.of(db.dataSource(),
                    PgHostImpl.ofUrl("jdbc:postgresql://localhost:5432/ignored")));

            assertThat(check.check(PgContext.of("public"))).extracting(DbObject::getName)
                    .containsExactly("fk_order_items_order_id");
        }
    }

    /** Flyway's own history table (varchar columns, a boolean index) is not ours to judge. */
    private static boolean isFlywayHistory(DbObject object) {
        String table = object instanceof TableNameAware t ? t.getTableName() : object.getName();
        return table.contains(TechzoneMigrations.DEFAULT_HISTORY_TABLE);
    }

    private static Map<String, String> reportIndexRows() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = REPORT_ROW.matcher(Files.readString(SCHEMA_DOC));
        while (m.find()) {
            rows.put(m.group(1), m.group(3));
        }
        return rows;
    }
}
