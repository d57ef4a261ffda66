package com.techzone.health;

import java.util.List;

/**
 * What the inspected schema holds, read from the catalog and the statistics (never by counting
 * rows): the material of the Markdown report's inventory sections.
 *
 * @param tables the tables, largest first
 * @param foreignKeys the foreign keys, by table
 * @param indexes the indexes, by table
 * @param checkConstraints the check constraints, by table
 * @param enums the enum types with their values in order
 * @param settings the configuration the report reviews, name and current value
 */
public record Inventory(List<TableInfo> tables, List<ForeignKeyInfo> foreignKeys, List<IndexInfo> indexes,
                        List<ConstraintInfo> checkConstraints, List<EnumInfo> enums, List<Setting> settings) {

    /** Copies every list into an immutable one. */
    public Inventory {
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        checkConstraints = List.copyOf(checkConstraints);
        enums = List.copyOf(enums);
        settings = List.copyOf(settings);
    }

    /**
     * A table.
     *
     * @param name table name
     * @param estimatedRows live rows as the statistics count them (not a COUNT(*))
     * @param totalBytes heap, indexes and TOAST
     */
    public record TableInfo(String name, long estimatedRows, long totalBytes) {
    }

    /**
     * A foreign key.
     *
     * @param name constraint name
     * @param table referencing table
     * @param columns referencing columns, comma separated
     * @param referencedTable referenced table
     * @param onDelete CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION
     */
    public record ForeignKeyInfo(String name, String table, String columns, String referencedTable, String onDelete) {
    }

    /**
     * An index.
     *
     * @param name index name
     * @param table its table
     * @param category primary key, unique, foreign key, partial, composite or performance
     * @param definition its CREATE INDEX statement as the server prints it
     * @param bytes its size
     */
    public record IndexInfo(String name, String table, String category, String definition, long bytes) {
    }

    /**
     * A check constraint.
     *
     * @param name constraint name
     * @param table its table
     * @param definition the CHECK expression as the server prints it
     * @param validated false when it was added NOT VALID and never validated
     */
    public record ConstraintInfo(String name, String table, String definition, boolean validated) {
    }

    /**
     * An enum type.
     *
     * @param name type name
     * @param values its labels in sort order
     */
    public record EnumInfo(String name, List<String> values) {

        /** Copies the values into an immutable list. */
        public EnumInfo {
            values = List.copyOf(values);
        }
    }

    /**
     * A server setting.
     *
     * @param name setting name
     * @param value current value with its unit, as SHOW prints it
     */
    public record Setting(String name, String value) {
    }
}
