package com.techzone.core.internal;

import com.techzone.TechzoneException;
import com.techzone.core.ConcurrencyFailureException;
import com.techzone.core.ConstraintViolationException;
import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.InvalidInputException;
import com.techzone.core.StatementTimeoutException;
import com.techzone.core.booking.BookingConflictException;
import com.techzone.core.user.DuplicateEmailException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns what Jdbi and the driver throw into the typed exceptions of this library. */
public final class Errors {

    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DEADLOCK_DETECTED = "40P01";

    private static final String QUERY_CANCELED = "57014";
    private static final String CHECK_VIOLATION = "23514";
    /** The ledgers techzone-migrations' LedgerPartitioning may partition by month. */
    private static final Set<String> PARTITIONABLE_LEDGERS = Set.of("inventory_logs", "order_status_history");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Pattern DUPLICATE_KEY_VALUE = Pattern.compile("\\)=\\((.*)\\) already exists");

    private Errors() {
    }

    /** The SQLState of the first {@link SQLException} in the cause chain, or null. */
    public static String sqlState(Throwable e) {
        SQLException sql = sqlException(e);
        return sql == null ? null : sql.getSQLState();
    }

    /** The constraint the server named in the first {@link PSQLException} of the chain, or null. */
    public static String constraint(Throwable e) {
        ServerErrorMessage message = serverMessage(e);
        return message == null ? null : message.getConstraint();
    }

    public static boolean isRetryable(Throwable e) {
        String state = sqlState(e);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    /**
     * The typed exception for {@code e}: our own exceptions pass through unchanged; database errors
     * are mapped by SQLState and constraint; anything else becomes a {@link TechzoneException}.
     */
    public static RuntimeException translate(RuntimeException e) {
        if (e instanceof TechzoneException) {
            return e;
        }
        SQLException sql = sqlException(e);
        if (sql == null) {
            return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof UnsupportedOperationException
                    ? e : new TechzoneException("Database call failed: " + e.getMessage(), e);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        ServerErrorMessage server = serverMessage(e);
        String constraint = server == null ? null : server.getConstraint();
        // "Failing row contains (...)" would print the whole row, password hash and personal data
        // included, into messages that end up in logs; the key values of unique and foreign key
        // violations are kept.
        String detail = server == null || server.getDetail() == null || server.getDetail().startsWith("Failing row")
                ? "" : " (" + server.getDetail() + ")";
        String message = sql.getMessage();
        if ("uq_users_email_lower".equals(constraint)) {
            return new DuplicateEmailException(duplicateValue(server), e);
        }
        if ("ex_bookings_no_overlap".equals(constraint)) {
            return new BookingConflictException(null, null, null, e);
        }
        if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
            return new ConcurrencyFailureException("Transaction lost to a concurrent one and was not retried: "
                    + message, e, state, 1);
        }
        if (isConnectionLoss(state, sql)) {
            return new DatabaseUnavailableException("Database unavailable [" + state + "]: " + firstLine(message)
                    + "; the open transaction was rolled back", e, state.isEmpty() ? null : state);
        }
        if (QUERY_CANCELED.equals(state) || LOCK_NOT_AVAILABLE.equals(state)) {
            return new StatementTimeoutException("Statement cancelled by the server [" + state + "]: "
                    + firstLine(message) + "; the transaction was rolled back", e, state);
        }
        String table = server == null ? null : server.getTable();
        if (CHECK_VIOLATION.equals(state) && constraint == null && PARTITIONABLE_LEDGERS.contains(table)) {
            // A partitioned ledger (LedgerPartitioning) without a partition for this row's time: not bad input but
            // maintenance not done. PostgreSQL names the ledger and no constraint ("no partition of relation ...
            // found for row", in the server's language: matched by table, not by text).
            return new ConstraintViolationException("Refused by the partitioning of " + table + ": no partition takes a row of this "
                    + "time" + detail + ". Create the partitions ahead: LedgerPartitioning.configure(dataSource).load()"
                    + ".createPartitionsAhead() (docs/schema.md, \"Creating partitions ahead\"); nothing was written", e, state, null);
        }
        if (state.startsWith("23")) {
            return new ConstraintViolationException("Refused by constraint "
                    + (constraint == null ? "(unnamed)" : constraint) + ": " + firstLine(message) + detail,
                    e, state, constraint);
        }
        if (state.startsWith("22")) {
            return new InvalidInputException("Value refused by the database: " + firstLine(message), e, state);
        }
        return new TechzoneException("Database call failed [" + state + "]: " + firstLine(message), e, state, constraint);
    }

    /**
     * Connection failures (class 08), the server shutting down or terminating the backend
     * (57P01..57P03), and a pool that found no connection in time (which carries the last
     * connection failure's SQLState, or none).
     */
    private static boolean isConnectionLoss(String state, SQLException sql) {
        return state.startsWith("08") || state.startsWith("57P0") || sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException;
    }

    private static String duplicateValue(ServerErrorMessage server) {
        if (server == null || server.getDetail() == null) {
            return null;
        }
        Matcher m = DUPLICATE_KEY_VALUE.matcher(server.getDetail());
        return m.find() ? m.group(1) : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }
}
