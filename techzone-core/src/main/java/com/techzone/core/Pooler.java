package com.techzone.core;

import java.util.Map;

/**
 * The connection pooler between the application and PostgreSQL, if any: the one setting the
 * library needs to work through PgBouncer (or another pooler of the same modes).
 *
 * <ul>
 *   <li>{@link #NONE} and {@link #SESSION}: the driver keeps its defaults. A session pooler hands a
 *       client one server connection for the client's whole session, so nothing differs from a
 *       direct connection.</li>
 *   <li>{@link #TRANSACTION}: each transaction may run on another server connection, so the driver
 *       must not keep named server-side prepared statements ({@code prepareThreshold=0}): pgjdbc
 *       otherwise switches a statement to a named one ({@code S_1}, ...) after its fifth execution,
 *       and the next transaction fails with {@code prepared statement "S_1" already exists} or
 *       {@code does not exist}. Every statement is then parsed and planned on each execution; the
 *       measured cost is in docs/benchmarks.md.</li>
 * </ul>
 * Statement pooling is not supported (a workflow's statements must share a transaction).
 * Migrations detect a transaction pooler themselves, whatever this setting says, and refuse to apply
 * pending versions through it ({@code MigrationException}, error code {@code TRANSACTION_POOLER}):
 * migrate through a direct connection.
 */
public enum Pooler {

    /** A direct connection to PostgreSQL (the default). */
    NONE(Map.of()),
    /** PgBouncer (or similar) in session pooling mode. */
    SESSION(Map.of()),
    /** PgBouncer (or similar) in transaction pooling mode: server-side prepared statements off. */
    TRANSACTION(Map.of("prepareThreshold", "0"));

    private final Map<String, String> driverProperties;

    Pooler(Map<String, String> driverProperties) {
        this.driverProperties = driverProperties;
    }

    /**
     * The pgjdbc properties this mode needs (empty for {@link #NONE} and {@link #SESSION};
     * {@code prepareThreshold=0} for {@link #TRANSACTION}). Set them on the driver's data source or
     * append them to the JDBC URL when the pool is not built by {@link TechzonePool}.
     */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /**
     * The mode for a name as written in configuration: {@code none}, {@code session} or
     * {@code transaction}, in any case.
     *
     * @throws InvalidInputException naming {@code pooler} for any other value
     */
    public static Pooler of(String name) {
        if (name != null) {
            for (Pooler pooler : values()) {
                if (pooler.name().equalsIgnoreCase(name.strip())) {
                    return pooler;
                }
            }
        }
        throw new InvalidInputException("pooler", "must be one of none, session, transaction; got: " + name);
    }
}
