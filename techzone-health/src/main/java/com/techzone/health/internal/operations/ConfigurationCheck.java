package com.techzone.health.internal.operations;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * Configuration review against the report (max_connections 100, shared_buffers 512MB and 1GB for
 * larger data sets, effective_cache_size 8GB, work_mem 4MB, maintenance_work_mem 128MB). Reported,
 * not judged: the right values depend on the machine, which the server cannot see.
 */
final class ConfigurationCheck extends OperationsCheck {

    private static final long MB = 1L << 20;

    ConfigurationCheck() {
        super("configuration", "Configuration review");
    }

    @Override
    public boolean runtime() {
        return false;
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            String name = rs.getString("name");
            String value = rs.getString("value");
            long bytes = rs.getLong("bytes");
            String advice = switch (name) {
                case "max_connections" -> "the report runs 100 behind a pool; keep pools small rather than raising it";
                case "shared_buffers" -> bytes < 512 * MB
                        ? "below the report's 512MB: about 25% of RAM; consider 1GB for larger data sets"
                        : "the report suggests 1GB for larger data sets (about 25% of RAM)";
                case "effective_cache_size" -> "the report uses 8GB: set it to 50-75% of RAM";
                case "work_mem" -> "the report uses 4MB: monitor complex queries (sorts spilling to disk) before raising it";
                case "maintenance_work_mem" -> bytes < 128 * MB
                        ? "below the report's 128MB: raise it to speed up VACUUM and CREATE INDEX" : "as the report (128MB) or above";
                default -> "";
            };
            return Issue.info(name, name + " = " + value + ": " + advice).measured(value);
        });
    }
}
