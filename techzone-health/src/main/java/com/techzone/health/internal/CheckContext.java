package com.techzone.health.internal;

import com.techzone.health.Metric;
import com.techzone.health.Threshold;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.connection.host.PgHostImpl;
import io.github.mfvanek.pg.model.context.PgContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What a check may use: the run's connection (read-only transaction, timeouts set), the options,
 * and helpers to run its SQL resource. One per run; not thread-safe.
 */
public final class CheckContext {

    private final Connection connection;
    private final DataSource callerDataSource;
    private final HealthOptions options;
    private final String jdbcUrl;
    private PgConnection pgConnection;
    private StatisticsAge statisticsAge;
    private String role;

    CheckContext(Connection connection, DataSource callerDataSource, HealthOptions options, String jdbcUrl) {
        this.connection = connection;
        this.callerDataSource = callerDataSource;
        this.options = options;
        this.jdbcUrl = jdbcUrl;
    }

    /** The run's connection; do not close it, commit or change its settings. */
    public Connection connection() {
        return connection;
    }

    /**
     * The caller's data source, its statements marked as the run's own: for Flyway's read of the
     * history table only.
     */
    public DataSource callerDataSource() {
        return OwnQueries.marking(callerDataSource);
    }

    /** The data source whose pool metrics are reported: the one the caller named, else the caller's. */
    public DataSource poolDataSource() {
        return options.pool() != null ? options.pool() : callerDataSource;
    }

    /** The run's options. */
    public HealthOptions options() {
        return options;
    }

    /** The role the checks run as ({@code current_user}), for the grants a finding names; read once per run. */
    public String role() throws SQLException {
        if (role == null) {
            role = queryText("select current_user::text as role", rs -> rs.getString("role")).get(0);
        }
        return role;
    }

    /** The inspected schema. */
    public String schema() {
        return options.schema();
    }

    /** The threshold of a metric. */
    public Threshold threshold(Metric metric) {
        return options.threshold(metric);
    }

    /**
     * Runs the SQL resource of {@code owner} with positional parameters and maps every row.
     *
     * @throws SQLException if the query fails
     */
    public <T> List<T> query(Class<?> owner, RowMapper<T> mapper, Object... parameters) throws SQLException {
        return queryText(Sql.of(owner), mapper, parameters);
    }

    /**
     * Runs the SQL resource {@code <name>.sql} beside {@code owner}, for a class that runs several.
     *
     * @throws SQLException if the query fails
     */
    public <T> List<T> queryNamed(Class<?> owner, String name, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        return queryText(Sql.of(owner, name), mapper, parameters);
    }

    /**
     * Runs a given SQL text with positional parameters and maps every row.
     *
     * @throws SQLException if the query fails
     */
    public <T> List<T> queryText(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }

    /**
     * A pg-index-health connection over the run's own connection (same transaction, timeouts and
     * savepoints), so its checks obey the run's safety settings.
     */
    public PgConnection pgConnection() {
        if (pgConnection == null) {
            pgConnection = PgConnectionImpl.of(new SessionDataSource(connection), PgHostImpl.ofUrl(jdbcUrl));
        }
        return pgConnection;
    }

    /** The pg-index-health context of the schema, with the given bloat threshold (percent). */
    public PgContext pgContext(double bloatPercentThreshold) {
        return PgContext.of(options.schema(), bloatPercentThreshold);
    }

    /**
     * How old the cumulative statistics are, measured once per run.
     *
     * @throws SQLException if they cannot be read
     */
    public StatisticsAge statisticsAge() throws SQLException {
        if (statisticsAge == null) {
            statisticsAge = StatisticsAge.read(this);
        }
        return statisticsAge;
    }

    /** True when the statistics are old enough to judge runtime checks. */
    public boolean statisticsOldEnough() throws SQLException {
        return statisticsAge().age().compareTo(options.minimumStatisticsAge()) >= 0;
    }

    /** A duration for messages: "3 d 4 h", "5 min", "12 s", "80 ms". */
    public static String format(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        if (d.getSeconds() > 0) {
            return d.getSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }

    /** Bytes for messages: "8 kB", "1.5 MB", "2.0 GB" (binary multiples, as pg_size_pretty). */
    public static String bytes(long bytes) {
        if (bytes < 10 * 1024) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f %s", value, units[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A number with at most one decimal and the metric's unit. */
    public static String value(double value, Metric metric) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + metric.unit();
    }

    /** "warning > 70%, critical > 90%" for a metric's threshold. */
    public String thresholdText(Metric metric) {
        Threshold t = threshold(metric);
        String op = metric.lowerIsWorse() ? "< " : "> ";
        return "warning " + op + value(t.warning(), metric) + ", critical " + op + value(t.critical(), metric);
    }

    /** Double-quotes an identifier for SQL in recommendations. */
    public static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.table} for SQL in recommendations; the schema is omitted when it is public. */
    public String qualified(String table) {
        return "public".equals(schema()) ? quote(table) : quote(schema()) + "." + quote(table);
    }
}
