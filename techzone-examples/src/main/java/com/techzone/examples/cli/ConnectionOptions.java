package com.techzone.examples.cli;

import com.techzone.Secrets;
import com.techzone.core.InvalidInputException;
import com.techzone.core.Pooler;
import java.io.Console;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/** {@code --jdbc-url}, {@code --user}, {@code --password}, {@code --pooler}: where and how a command connects. */
public final class ConnectionOptions {

    /** Environment variable read when {@code --password} is not given. */
    public static final String PASSWORD_ENV = "TECHZONE_PASSWORD";

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/shop")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "U", description = "Database user (default: from the URL, else the driver's default).")
    String user;

    @Option(names = "--password", paramLabel = "P", arity = "0..1", interactive = false,
            description = "Database password (default: the environment variable " + PASSWORD_ENV + "); "
                    + "without a value it is asked for on the terminal (else read from " + PASSWORD_ENV + ").")
    String password;

    @Option(names = "--pooler", paramLabel = "MODE", defaultValue = "none",
            description = "What sits between this command and PostgreSQL: none, session or transaction (PgBouncer's "
                    + "pool_mode; transaction turns the driver's server-side prepared statements off). "
                    + "Default: ${DEFAULT-VALUE}.")
    String pooler;

    /** True when a URL was given. */
    public boolean present() {
        return jdbcUrl != null;
    }

    /** The URL with any password masked, for output. */
    public String maskedUrl() {
        return Secrets.mask(jdbcUrl);
    }

    /**
     * {@code --jdbc-url}, checked.
     *
     * @throws IllegalArgumentException if it is not a PostgreSQL JDBC URL or has a user or password before the host
     */
    String jdbcUrl() {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:port/database), got: " + Secrets.mask(jdbcUrl));
        }
        if (Secrets.hasUserInfo(jdbcUrl)) {
            throw new IllegalArgumentException("--jdbc-url " + Secrets.userInfoRefusal(jdbcUrl) + " (--user, --password)");
        }
        return jdbcUrl;
    }

    /**
     * An unpooled data source for the URL and credentials.
     *
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL or has a user or password before the
     *     host, or {@code --pooler}
     *     is not none, session or transaction
     */
    public DataSource dataSource(String applicationName) {
        Pooler mode = pooler();
        String url = jdbcUrl();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--jdbc-url is not a valid PostgreSQL JDBC URL: " + Secrets.mask(url), e);
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        String secret = secret();
        if (secret != null) {
            dataSource.setPassword(secret);
        }
        if (dataSource.getApplicationName() == null || dataSource.getApplicationName().startsWith("PostgreSQL JDBC")) {
            dataSource.setApplicationName(applicationName);
        }
        dataSource.setConnectTimeout(10);
        mode.driverProperties().forEach((name, value) -> {
            try {
                dataSource.setProperty(name, value);
            } catch (SQLException e) {
                throw new IllegalStateException("pgjdbc refused its own property " + name, e);
            }
        });
        return dataSource;
    }

    /**
     * The password: {@code --password}, else the environment variable {@value #PASSWORD_ENV}; null for none.
     * {@code --password} without a value asks for it on the terminal, without echo; with no terminal it takes the
     * variable.
     *
     * @throws IllegalArgumentException if {@code --password} has no value, there is no terminal to ask on and the
     *     variable is not set (an empty password never logs in: PostgreSQL refuses it)
     */
    String secret() {
        if (password != null && !password.isEmpty()) {
            return password;
        }
        Console console = System.console();
        if (password != null && console != null) {
            char[] typed = console.readPassword("Password: ");
            password = typed == null ? null : new String(typed);   // asked once: the health command reads it twice
            return password;
        }
        // Not given, or nobody to ask: the variable (for a script that always passes --password, the password meant).
        String fromEnvironment = System.getenv(PASSWORD_ENV);
        if (password != null && fromEnvironment == null) {
            throw new IllegalArgumentException("--password was given without a value and there is no terminal to ask for it on: "
                    + "give --password P, or set " + PASSWORD_ENV);
        }
        return fromEnvironment;
    }

    /**
     * The {@code --pooler} mode.
     *
     * @throws IllegalArgumentException unless none, session or transaction
     */
    public Pooler pooler() {
        try {
            return Pooler.of(pooler == null ? "none" : pooler);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("--pooler must be none, session or transaction, got: " + pooler, e);
        }
    }
}
