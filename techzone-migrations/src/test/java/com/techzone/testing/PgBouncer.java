package com.techzone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.opentest4j.TestAbortedException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package, {@code /usr/sbin/pgbouncer}) in front of a
 * test database: it writes a {@code pgbouncer.ini} with a free port and trust authentication to the
 * test server, starts the binary, and {@link #close()} stops it and deletes its files. Tests that
 * use it are skipped (not failed) where the binary is absent, unless {@value #REQUIRE_ENV} is
 * {@code true}; {@code .ci/run} installs it and sets that.
 *
 * <p>PgBouncer refuses to run as root, so as root it is started with {@code -u nobody} (it reads its
 * files before switching user). Its admin console is the database {@code pgbouncer}, user
 * {@code postgres}.
 */
public final class PgBouncer implements AutoCloseable {

    /** Where Debian installs the binary. */
    public static final Path BINARY = Paths.get("/usr/sbin/pgbouncer");

    /** Set to {@code true} (as {@code .ci/run} does) to fail, not skip, where PgBouncer is absent. */
    public static final String REQUIRE_ENV = "TECHZONE_REQUIRE_PGBOUNCER";

    /** A user of the admin console's {@code stats_users}. */
    public static final String STATS_USER = "stats";
    /** Its password (for auth types other than trust). */
    public static final String STATS_PASSWORD = "stats-secret";

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path directory;
    private final int port;
    private final TestDatabase database;

    private PgBouncer(Process process, Path directory, int port, TestDatabase database) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts PgBouncer in front of the database.
     *
     * @param poolMode {@code transaction} or {@code session}
     * @param poolSize server connections per database/user pair ({@code default_pool_size})
     * @throws TestAbortedException where {@link #BINARY} is absent
     */
    public static PgBouncer start(TestDatabase database, String poolMode, int poolSize) {
        return start(database, poolMode, poolSize, "trust");
    }

    /**
     * As {@link #start(TestDatabase, String, int)}, with client authentication {@code authType}
     * ({@code trust}, {@code plain}, {@code md5}, {@code scram-sha-256}); the admin console's user
     * {@value #STATS_USER} (in {@code stats_users}) then logs in with password {@value #STATS_PASSWORD}.
     */
    public static PgBouncer start(TestDatabase database, String poolMode, int poolSize, String authType) {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equals(System.getenv(REQUIRE_ENV))) {
                throw new IllegalStateException(REQUIRE_ENV + "=true, but PgBouncer is not installed (" + BINARY + ")");
            }
            throw new TestAbortedException("PgBouncer is not installed (" + BINARY + "); "
                    + "apt-get install pgbouncer to run the tests through it");
        }
        Matcher url = HOST_PORT.matcher(database.jdbcUrl());
        if (!url.find()) {
            throw new IllegalStateException("Cannot read host and port from " + database.jdbcUrl());
        }
        try {
            Path directory = Files.createTempDirectory("techzone-pgbouncer");
            int port = freePort();
            Path users = directory.resolve("userlist.txt");
            Files.writeString(users, "\"" + database.user() + "\" \"\"\n\"" + STATS_USER + "\" \"" + STATS_PASSWORD + "\"\n");
            Path ini = directory.resolve("pgbouncer.ini");
            Files.writeString(ini, """
                    [databases]
                    * = host=%s port=%s
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = %s
                    auth_file = %s
                    admin_users = %s
                    stats_users = %s
                    pool_mode = %s
                    default_pool_size = %d
                    max_client_conn = 200
                    ; pgjdbc sends extra_float_digits at start-up; PgBouncer 1.18 refuses unknown ones
                    ignore_startup_parameters = extra_float_digits
                    server_check_delay = 0
                    """.formatted(url.group(1), url.group(2), port, authType, users, database.user(), STATS_USER, poolMode, poolSize));
            ProcessBuilder builder = "root".equals(System.getProperty("user.name"))
                    ? new ProcessBuilder(BINARY.toString(), "-u", "nobody", ini.toString())
                    : new ProcessBuilder(BINARY.toString(), ini.toString());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pgbouncer.log").toFile())
                    .start();
            PgBouncer bouncer = new PgBouncer(process, directory, port, database);
            // a JVM that dies before close() must not leave PgBouncer running
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "techzone-pgbouncer-stop"));
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PgBouncer", e);
        }
    }

    /** The JDBC URL of the test database through PgBouncer, without driver properties. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database.name();
    }

    /** The JDBC URL of PgBouncer's admin console (database {@code pgbouncer}). */
    public String adminJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/pgbouncer";
    }

    /** The user to connect as (the test server's). */
    public String user() {
        return database.user();
    }

    /** An unpooled data source through PgBouncer; {@code prepareThreshold} as given (pgjdbc's default is 5). */
    public DataSource dataSource(int prepareThreshold) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(database.user());
        ds.setPassword(database.password());
        ds.setApplicationName("techzone-tests-pgbouncer");
        ds.setPrepareThreshold(prepareThreshold);
        return ds;
    }

    /** What PgBouncer has logged so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(directory.resolve("pgbouncer.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = log();
                close();
                throw new IllegalStateException("PgBouncer exited at start-up: " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        close();
        throw new IllegalStateException("PgBouncer did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops PgBouncer (SIGTERM, then SIGKILL after 10 s) and deletes its files. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
