package com.techzone.health.internal;

import com.techzone.health.Inventory;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Reads the inventory of the schema for the Markdown report: six catalog queries, no table scans. */
final class InventoryReader {

    private InventoryReader() {
    }

    static Inventory read(CheckContext c) throws SQLException {
        String schema = c.schema();
        List<Inventory.TableInfo> tables = c.queryNamed(InventoryReader.class, "InventoryTables",
                rs -> new Inventory.TableInfo(rs.getString("table_name"), rs.getLong("estimated_rows"), rs.getLong("total_bytes")),
                schema);
        List<Inventory.ForeignKeyInfo> fks = c.queryNamed(InventoryReader.class, "InventoryForeignKeys",
                rs -> new Inventory.ForeignKeyInfo(rs.getString("constraint_name"), rs.getString("table_name"),
                        rs.getString("columns"), rs.getString("referenced_table"), rs.getString("on_delete")), schema);
        List<Inventory.IndexInfo> indexes = c.queryNamed(InventoryReader.class, "InventoryIndexes",
                rs -> new Inventory.IndexInfo(rs.getString("index_name"), rs.getString("table_name"), rs.getString("category"),
                        rs.getString("definition"), rs.getLong("bytes")), schema);
        List<Inventory.ConstraintInfo> checks = c.queryNamed(InventoryReader.class, "InventoryCheckConstraints",
                rs -> new Inventory.ConstraintInfo(rs.getString("constraint_name"), rs.getString("table_name"),
                        rs.getString("definition"), rs.getBoolean("validated")), schema);
        List<Inventory.EnumInfo> enums = c.queryNamed(InventoryReader.class, "InventoryEnums",
                rs -> new Inventory.EnumInfo(rs.getString("type_name"), strings(rs.getArray("labels"))), schema);
        List<Inventory.Setting> settings = c.queryNamed(InventoryReader.class, "InventorySettings",
                rs -> new Inventory.Setting(rs.getString("name"), rs.getString("value")));
        String history = c.options().historyTable();
        return new Inventory(tables.stream().filter(t -> !t.name().equals(history)).toList(), fks,
                indexes.stream().filter(i -> !i.table().equals(history)).toList(), checks, enums, settings);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
