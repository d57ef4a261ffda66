package com.techzone.examples.demo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Prints, for a newcomer, what the migrations built: tables, keys, constraints, indexes, enums. */
public final class SchemaSummary {

    private static final String TABLES = """
            SELECT c.relname,
                   (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                   (SELECT count(*) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f'),
                   (SELECT count(*) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c'),
                   (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid),
                   (SELECT string_agg(ic.relname, ', ' ORDER BY ic.relname) FROM pg_index i
                      JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND NOT i.indisprimary)
            FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
              AND c.relname <> 'techzone_schema_history'
            ORDER BY c.relname""";

    private static final String ENUMS = """
            SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = current_schema()::regnamespace
            GROUP BY t.typname ORDER BY t.typname""";

    private SchemaSummary() {
    }

    /** Prints the summary of the current schema of the data source's database. */
    public static void print(DataSource dataSource, PrintWriter out) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            int tables = 0;
            int foreignKeys = 0;
            int checks = 0;
            int indexes = 0;
            out.println("Tables (columns, foreign keys, check constraints, indexes):");
            try (ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    tables++;
                    foreignKeys += rs.getInt(3);
                    checks += rs.getInt(4);
                    indexes += rs.getInt(5);
                    out.printf("  %-22s %2d columns, %d FK, %2d checks, %d indexes%n",
                            rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
                    out.printf("  %-22s   %s%n", "", rs.getString(6) == null ? "(primary key only)" : rs.getString(6));
                }
            }
            out.println("Enum types:");
            try (ResultSet rs = s.executeQuery(ENUMS)) {
                while (rs.next()) {
                    out.printf("  %-22s %s%n", rs.getString(1), rs.getString(2));
                }
            }
            out.printf("In all: %d tables, %d foreign keys, %d check constraints, %d indexes (primary keys included).%n",
                    tables, foreignKeys, checks, indexes);
        }
    }
}
