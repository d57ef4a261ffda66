package com.techzone.examples.bench;

import com.techzone.Secrets;
import com.techzone.core.Pooler;
import com.techzone.core.TechzonePool;
import com.techzone.examples.EmbeddedDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server a benchmark runs on: an embedded one it starts (and stops on
 * {@link #close()}), configured for durable commits, or an external one given by JDBC URL, whose
 * settings it leaves alone. Databases on it are reached by replacing the database name in the URL.
 */
public final class BenchServer implements AutoCloseable {

    /** Server settings of the embedded server: durable commits, as a shop runs. */
    static final Map<String, String> DURABLE = Map.of("synchronous_commit", "on", "fsync", "on");

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql:(?://[^/?]*/?)?)([^?]*)(\\?.*)?$");

    private final String kind;
    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedDatabase embedded;
    private Pooler pooler = Pooler.NONE;

    private BenchServer(String kind, String url, String user, String password, EmbeddedDatabase embedded) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * Starts an embedded PostgreSQL with {@code synchronous_commit=on} and {@code fsync=on}.
     *
     * @throws java.io.UncheckedIOException if it cannot start
     */
    public static BenchServer embedded() {
        EmbeddedDatabase db = EmbeddedDatabase.start(DURABLE);
        return new BenchServer("embedded", db.jdbcUrl(), null, null, db);
    }

    /**
     * An external server reached through the URL of one of its databases.
     *
     * @param user null for the URL's or the driver's default
     * @param password null for none
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     */
    public static BenchServer external(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !URL.matcher(jdbcUrl).matches()) {
            throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:port/database), got: " + Secrets.mask(jdbcUrl));
        }
        return new BenchServer("external", jdbcUrl, user, password, null);
    }

    /**
     * The pooler the workloads' HikariCP pools are configured for (default {@link Pooler#NONE}):
     * {@link Pooler#TRANSACTION} turns server-side prepared statements off, which is what a run with
     * and without it measures.
     */
    public BenchServer usePooler(Pooler pooler) {
        this.pooler = java.util.Objects.requireNonNull(pooler, "pooler");
        return this;
    }

    /** The pooler the workloads' pools are configured for. */
    public Pooler pooler() {
        return pooler;
    }

    /** "embedded" or "external". */
    public String kind() {
        return kind;
    }

    /** The URL it was reached by, password masked. */
    public String maskedUrl() {
        return Secrets.mask(url);
    }

    /** The database named in the URL (empty when the URL names none: the driver then uses the user's name). */
    public String givenDatabase() {
        Matcher m = URL.matcher(url);
        return m.matches() ? m.group(2) : "";
    }

    /** The URL with its database replaced by another. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + Secrets.mask(jdbcUrl));
        }
        String prefix = m.group(1);
        if (prefix.startsWith("jdbc:postgresql://") && !prefix.endsWith("/")) {
            prefix += "/";
        }
        return prefix + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** The server's JDBC URL, unmasked: for a child process of the bench only, never for output. */
    String url() {
        return url;
    }

    /** A new unpooled data source for a database of this server. */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(withDatabase(url, database));
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setApplicationName("techzone-bench");
        ds.setConnectTimeout(10);
        return ds;
    }

    /**
     * A started HikariCP pool with {@link TechzonePool}'s defaults and {@code size} connections
     * (kept open: minimum idle = size) to a database of this server. Close it.
     */
    public HikariDataSource pool(String database, int size, String applicationName) {
        return new HikariDataSource(poolConfig(database, size, applicationName));
    }

    /** The configuration {@link #pool} starts from, for a workload that must add a driver setting. */
    HikariConfig poolConfig(String database, int size, String applicationName) {
        HikariConfig config = TechzonePool.config(withDatabase(url, database), user(), password, applicationName, pooler);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return config;
    }

    /** The user: given, else the URL's {@code user=}, else the OS user (the driver's default). */
    String user() {
        if (user != null) {
            return user;
        }
        Matcher m = Pattern.compile("[?&]user=([^&]*)").matcher(url);
        return m.find() ? m.group(1) : System.getProperty("user.name");
    }

    /** The password, if one was given. */
    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Host and port of a {@code jdbc:postgresql://host:port/} URL; empty for other URL forms. */
    Optional<String[]> hostAndPort() {
        Matcher m = Pattern.compile("^jdbc:postgresql://([^/:?,]+)(?::(\\d+))?").matcher(url);
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2) == null ? "5432" : m.group(2)}) : Optional.empty();
    }

    /**
     * Creates a database, optionally as a copy of another ({@code TEMPLATE}, file copy where the
     * server supports it: PostgreSQL 15 and newer). The template must have no open connections.
     *
     * @param template null for an empty database
     * @throws SQLException if the user may not create databases, or the template is in use
     */
    public void createDatabase(String name, String template) throws SQLException {
        String sql = "CREATE DATABASE " + quote(name);
        if (template != null) {
            sql += " TEMPLATE " + quote(template);
        }
        try (Connection c = admin(name, template); Statement s = c.createStatement()) {
            if (template != null && c.getMetaData().getDatabaseMajorVersion() >= 15) {
                sql += " STRATEGY FILE_COPY";
            }
            s.execute(sql);
        }
    }

    /**
     * Drops a database if it exists, closing its connections (PostgreSQL 13+ {@code WITH (FORCE)}).
     *
     * @throws SQLException if the server refuses
     */
    public void dropDatabase(String name) throws SQLException {
        try (Connection c = admin(name, null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        }
    }

    /** A connection to a database other than the ones being created, copied or dropped. */
    private Connection admin(String name, String template) throws SQLException {
        String given = givenDatabase();
        for (String candidate : new String[] {"postgres", "template1", given}) {
            if (candidate.isEmpty() || candidate.equals(name) || candidate.equals(template)) {
                continue;
            }
            try {
                return dataSource(candidate).getConnection();
            } catch (SQLException e) {
                if (candidate.equals(given)) {
                    throw e;
                }
            }
        }
        throw new SQLException("No database to connect to for creating or dropping " + name
                + ": could not reach postgres or template1");
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return "BenchServer[" + kind + ", " + maskedUrl() + "]";
    }
}
