package com.techzone.core;

import com.techzone.Secrets;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Errors;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * A HikariCP pool with production defaults, for hosts that have no pool yet. Defaults:
 * <ul>
 *   <li>{@code maximumPoolSize} {@value #DEFAULT_POOL_SIZE} (HikariCP's advice: about
 *       cores x 2 of the database server; more connections mostly add contention);</li>
 *   <li>{@code maxLifetime} 30 minutes, {@code keepaliveTime} 2 minutes, {@code connectionTimeout}
 *       10 seconds, {@code idleTimeout} 10 minutes;</li>
 *   <li>driver properties {@code reWriteBatchedInserts=true} (batches become multi-row inserts),
 *       {@code tcpKeepAlive=true}, {@code ApplicationName} = the given application name (visible
 *       in {@code pg_stat_activity}), {@code logServerErrorDetail=false} (a refused row's values,
 *       password hashes included, stay out of exception messages and logs).</li>
 * </ul>
 * Change any of them on the {@link HikariConfig} from {@link #config} before building the pool.
 * Behind PgBouncer in transaction pooling mode, build it with {@link Pooler#TRANSACTION} (see
 * {@link #config(String, String, String, String, Pooler)}).
 */
public final class TechzonePool {

    /** The default maximum number of connections. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private TechzonePool() {
    }

    /**
     * The default configuration, not yet a pool.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/database}; add {@code ?sslmode=verify-full} in production
     * @param user the database user
     * @param password the password, or null for trust/peer authentication; never logged by HikariCP
     * @throws InvalidInputException as {@link #config(String, String, String, String, Pooler)} does
     * @param applicationName the name the connections carry on the server, e.g. {@code shop-web}
     */
    public static HikariConfig config(String jdbcUrl, String user, String password, String applicationName) {
        return config(jdbcUrl, user, password, applicationName, Pooler.NONE);
    }

    /**
     * The default configuration for connections that go through a pooler: as
     * {@link #config(String, String, String, String)}, plus the driver properties of
     * {@link Pooler#driverProperties()} ({@code prepareThreshold=0} for {@link Pooler#TRANSACTION}).
     *
     * @param pooler what sits between the pool and PostgreSQL; {@link Pooler#NONE} for a direct connection
     * @throws InvalidInputException naming {@code jdbcUrl}, {@code user} or {@code pooler} when one is missing or invalid;
     *     a URL with a user or password before the host ({@code jdbc:postgresql://app:pw@db/shop}) is invalid: pgjdbc
     *     reads them as part of the host name, so it could not connect, and its error would quote the password
     */
    public static HikariConfig config(String jdbcUrl, String user, String password, String applicationName,
                                      Pooler pooler) {
        if (pooler == null) {
            throw new InvalidInputException("pooler", "must be NONE, SESSION or TRANSACTION, got null");
        }
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException("jdbcUrl", "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (Secrets.hasUserInfo(jdbcUrl)) {
            // It could never connect, and pgjdbc's UnknownHostException (the pool's cause) would quote the password.
            throw new InvalidInputException("jdbcUrl", Secrets.userInfoRefusal(jdbcUrl));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(Checks.notNull("user", user));
        config.setPassword(password);
        config.setPoolName("techzone");
        config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
        config.setMaxLifetime(30 * 60_000L);
        config.setKeepaliveTime(2 * 60_000L);
        config.setIdleTimeout(10 * 60_000L);
        config.setConnectionTimeout(10_000L);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // The driver's messages would otherwise carry the server's DETAIL, e.g. "Failing row
        // contains (...)" with every column of a refused row, password hashes included.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("ApplicationName", applicationName == null ? "techzone" : applicationName);
        pooler.driverProperties().forEach(config::addDataSourceProperty);
        return config;
    }

    /**
     * A started pool with the defaults of {@link #config}. Close it when the application stops.
     *
     * @throws InvalidInputException as {@link #config(String, String, String, String)} does
     * @throws DatabaseUnavailableException if the pool cannot open its first connection within its
     *     {@code connectionTimeout} (server down, unknown host, credentials refused): the message names
     *     the URL with its password masked, {@link DatabaseUnavailableException#sqlState()} is the
     *     driver's (e.g. {@code 08001}), the cause is HikariCP's {@code PoolInitializationException}
     */
    public static HikariDataSource create(String jdbcUrl, String user, String password, String applicationName) {
        return start(config(jdbcUrl, user, password, applicationName));
    }

    /**
     * A started pool with the defaults of {@link #config(String, String, String, String, Pooler)}.
     * Close it when the application stops.
     *
     * @throws InvalidInputException as {@link #config(String, String, String, String, Pooler)} does
     * @throws DatabaseUnavailableException if the pool cannot open its first connection, as
     *     {@link #create(String, String, String, String)} says
     */
    public static HikariDataSource create(String jdbcUrl, String user, String password, String applicationName,
                                          Pooler pooler) {
        return start(config(jdbcUrl, user, password, applicationName, pooler));
    }

    private static HikariDataSource start(HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // The URL is masked on its own, so that its password parameter ends where the URL does; the exception
            // masks the whole message again (TechzoneException), the driver's text included.
            throw new DatabaseUnavailableException("Could not start the pool for " + Secrets.mask(config.getJdbcUrl())
                    + ": " + e.getMessage(), e, Errors.sqlState(e));
        }
    }
}
