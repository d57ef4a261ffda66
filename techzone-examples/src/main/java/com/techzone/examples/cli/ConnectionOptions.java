package com.techzone.examples.cli;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/** {@code --jdbc-url}, {@code --user}, {@code --password}: where a command connects. */
public final class ConnectionOptions {

    /** Environment variable read when {@code --password} is not given. */
    public static final String PASSWORD_ENV = "TECHZONE_PASSWORD";

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/shop")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "U", description = "Database user (default: from the URL, else the driver's default).")
    String user;

    @Option(names = "--password", paramLabel = "P", arity = "0..1", interactive = false,
            description = "Database password (default: the environment variable " + PASSWORD_ENV + ").")
    String password;

    /** True when a URL was given. */
    public boolean present() {
        return jdbcUrl != null;
    }

    /** The URL with any password masked, for output. */
    public String maskedUrl() {
        return JdbcUrls.mask(jdbcUrl);
    }

    /**
     * An unpooled data source for the URL and credentials.
     *
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     */
    public DataSource dataSource(String applicationName) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:port/database), got: " + JdbcUrls.mask(jdbcUrl));
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(jdbcUrl);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--jdbc-url is not a valid PostgreSQL JDBC URL: " + JdbcUrls.mask(jdbcUrl), e);
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        String secret = password != null ? password : System.getenv(PASSWORD_ENV);
        if (secret != null) {
            dataSource.setPassword(secret);
        }
        if (dataSource.getApplicationName() == null || dataSource.getApplicationName().startsWith("PostgreSQL JDBC")) {
            dataSource.setApplicationName(applicationName);
        }
        dataSource.setConnectTimeout(10);
        return dataSource;
    }
}
