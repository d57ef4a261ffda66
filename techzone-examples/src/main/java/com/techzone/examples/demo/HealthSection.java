package com.techzone.examples.demo;

import com.techzone.health.CheckGroup;
import com.techzone.health.HealthReport;
import com.techzone.health.ReportFormat;
import com.techzone.health.TechzoneHealth;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The demo's last section: the health report of the demo database, all four groups, as text. */
public final class HealthSection {

    private HealthSection() {
    }

    /**
     * Enables pg_stat_statements in the database where the server preloads it (the embedded demo
     * server does), so query times are judged, then prints the health report.
     */
    public static void print(DataSource dataSource, PrintWriter out) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            out.println("(pg_stat_statements is not available here: the query-time checks will be UNKNOWN)");
        }
        HealthReport report = TechzoneHealth.configure(dataSource).groups(CheckGroup.values()).build().run();
        out.print(ReportFormat.TEXT.render(report));
    }
}
