package com.techzone.health.internal.render;

import com.techzone.health.CheckResult;
import com.techzone.health.Finding;
import com.techzone.health.HealthReport;
import com.techzone.health.Inventory;

/** The JSON form of a report; the field names are documented in docs/health.md and stable. */
public final class JsonRenderer {

    /** The value of the "format" field; changes only when a field is removed or changes meaning. */
    public static final String FORMAT = "techzone-health/1";

    private JsonRenderer() {
    }

    /** Renders the report as one JSON object, pretty-printed, ending with a newline. */
    public static String render(HealthReport report) {
        Json json = new Json().beginObject()
                .member("format", FORMAT)
                .member("startedAt", report.startedAt().toString())
                .member("database", report.database())
                .member("schema", report.schema())
                .member("serverVersion", report.serverVersion())
                .member("status", report.status().name())
                .member("exitCode", report.exitCode())
                .name("score").beginObject()
                .member("passed", report.score().passed())
                .member("total", report.score().total())
                .member("text", report.score().toString())
                .endObject()
                .member("durationMillis", report.duration().toMillis());
        json.name("checks").beginArray();
        for (CheckResult check : report.checks()) {
            json.beginObject()
                    .member("id", check.id())
                    .member("group", check.group().name())
                    .member("title", check.title())
                    .member("runtime", check.runtime())
                    .member("scored", check.scored())
                    .member("status", check.status().name())
                    .member("durationMillis", check.duration().toMillis());
            json.name("findings").beginArray();
            for (Finding f : check.findings()) {
                json.beginObject()
                        .member("checkId", f.checkId())
                        .member("severity", f.severity().name())
                        .member("object", f.object())
                        .member("message", f.message())
                        .member("measured", f.measured())
                        .member("threshold", f.threshold())
                        .member("recommendation", f.recommendation())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.name("inventory");
        if (report.inventory() == null) {
            json.value((String) null);
        } else {
            inventory(json, report.inventory());
        }
        return json.endObject() + "\n";
    }

    private static void inventory(Json json, Inventory inv) {
        json.beginObject().name("tables").beginArray();
        for (Inventory.TableInfo t : inv.tables()) {
            json.beginObject().member("name", t.name()).member("estimatedRows", t.estimatedRows())
                    .member("totalBytes", t.totalBytes()).endObject();
        }
        json.endArray().name("foreignKeys").beginArray();
        for (Inventory.ForeignKeyInfo fk : inv.foreignKeys()) {
            json.beginObject().member("name", fk.name()).member("table", fk.table()).member("columns", fk.columns())
                    .member("referencedTable", fk.referencedTable()).member("onDelete", fk.onDelete()).endObject();
        }
        json.endArray().name("indexes").beginArray();
        for (Inventory.IndexInfo i : inv.indexes()) {
            json.beginObject().member("name", i.name()).member("table", i.table()).member("category", i.category())
                    .member("definition", i.definition()).member("bytes", i.bytes()).endObject();
        }
        json.endArray().name("checkConstraints").beginArray();
        for (Inventory.ConstraintInfo c : inv.checkConstraints()) {
            json.beginObject().member("name", c.name()).member("table", c.table()).member("definition", c.definition())
                    .member("validated", c.validated()).endObject();
        }
        json.endArray().name("enums").beginArray();
        for (Inventory.EnumInfo e : inv.enums()) {
            json.beginObject().member("name", e.name()).name("values").beginArray();
            e.values().forEach(json::value);
            json.endArray().endObject();
        }
        json.endArray().name("settings").beginObject();
        for (Inventory.Setting s : inv.settings()) {
            json.member(s.name(), s.value());
        }
        json.endObject().endObject();
    }
}
