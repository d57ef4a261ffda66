package com.techzone.health.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The manifest expected-schema.tsv checked against an oracle that shares nothing with the drift
 * check's SQL: the SQL-standard information_schema views and pg_indexes, on a freshly migrated
 * database, plus the counts the README promises written here as literals. A mistake in the drift
 * check's catalog query, regenerated into the manifest, fails here.
 */
@TechzoneDatabaseTest
class ExpectedSchemaOracleTest {

    private static final Path MANIFEST =
            Path.of("src/main/resources/com/techzone/health/internal/schema/expected-schema.tsv");

    @Test
    void shouldMatchTheInformationSchemaOfAFreshlyMigratedDatabase(TestDatabase db) throws Exception {
        List<String> manifest = Files.readAllLines(MANIFEST, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#")).toList();

        assertThat(kind(manifest, "table")).isEqualTo(query(db, """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'techzone_schema_history'"""));
        assertThat(kind(manifest, "column")).isEqualTo(query(db, """
                SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'techzone_schema_history'"""));
        // Each column's type, spelled from information_schema's own fields (not format_type, which the drift check uses).
        assertThat(detailed(manifest, "column")).isEqualTo(query(db, """
                SELECT c.table_name || '.' || c.column_name || E'\t' || CASE c.data_type
                         WHEN 'numeric' THEN 'numeric(' || c.numeric_precision || ',' || c.numeric_scale || ')'
                         WHEN 'USER-DEFINED' THEN c.udt_name
                         ELSE c.data_type END
                FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'techzone_schema_history'"""));
        assertThat(kind(manifest, "function")).isEqualTo(query(db, """
                SELECT routine_name FROM information_schema.routines WHERE routine_schema = 'public'"""));
        assertThat(kind(manifest, "constraint")).isEqualTo(query(db, """
                SELECT constraint_name FROM information_schema.table_constraints
                WHERE constraint_schema = 'public' AND table_name <> 'techzone_schema_history'
                  AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE', 'CHECK') AND constraint_name !~ '_not_null$'
                UNION ALL
                SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'ex\\_%'"""));
        assertThat(kind(manifest, "index")).isEqualTo(query(db, """
                SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'techzone_schema_history'"""));
        assertThat(kind(manifest, "trigger")).isEqualTo(query(db, """
                SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE event_object_schema = 'public'"""));

        // What the README promises, as literals.
        assertThat(kind(manifest, "table")).hasSize(13);
        assertThat(kind(manifest, "constraint")).filteredOn(n -> n.startsWith("fk_")).hasSize(14);
        assertThat(kind(manifest, "constraint")).filteredOn(n -> n.startsWith("chk_")).hasSize(55);
        assertThat(kind(manifest, "type")).contains("order_status", "user_role");
    }

    private static Set<String> kind(List<String> manifest, String kind) {
        return manifest.stream().map(line -> line.split("\t", -1)).filter(f -> f[0].equals(kind)).map(f -> f[1])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** "name TAB detail" of each manifest line of a kind. */
    private static Set<String> detailed(List<String> manifest, String kind) {
        return manifest.stream().map(line -> line.split("\t", -1)).filter(f -> f[0].equals(kind)).map(f -> f[1] + "\t" + f[2])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> query(TestDatabase db, String sql) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
