package com.techzone.migrations;

import com.techzone.TechzoneException;

/**
 * {@link LedgerPartitioning} refused or could not finish. {@link #errorCode()} says why:
 * <ul>
 *   <li>{@code NOT_MIGRATED}: the schema is not at TechZone version 8 or newer (no history table, or an
 *       older version); migrate first. Nothing was changed.</li>
 *   <li>{@code UNEXPECTED_LAYOUT}: a ledger table's columns are not the ones the migrations made
 *       (a column added, dropped or retyped by hand). Nothing was changed.</li>
 *   <li>{@code LOCK_TIMEOUT}: a brief lock could not be had within the lock timeout on any attempt
 *       (a long transaction holds the table). Whatever was done so far is kept and consistent;
 *       call again when the load is lower.</li>
 *   <li>{@code DEFAULT_PARTITION_ROWS}: the default partition holds rows of a month that is to get a
 *       partition of its own; move them first (docs/schema.md). No partition of that month was made.</li>
 *   <li>{@code PARTITION_NAME_TAKEN}: no partition covers a month (or, with a default partition asked
 *       for, none is attached), and a table with that partition's name (a detached partition) could not
 *       be attached again (rows outside the month, or in the default rows that months now take; other
 *       columns). Move the rows, attach, rename or drop it. Nothing was made for that month.</li>
 *   <li>{@code ERROR}: the server refused a statement ({@link #sqlState()} says which error).</li>
 * </ul>
 */
public class LedgerPartitioningException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    LedgerPartitioningException(String message, String errorCode, Throwable cause, String sqlState) {
        super(message, cause, sqlState, null);
        this.errorCode = errorCode;
    }

    /** One of {@code NOT_MIGRATED, UNEXPECTED_LAYOUT, LOCK_TIMEOUT, DEFAULT_PARTITION_ROWS, PARTITION_NAME_TAKEN, ERROR}. */
    public String errorCode() {
        return errorCode;
    }
}
