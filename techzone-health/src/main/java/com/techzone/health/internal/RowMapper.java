package com.techzone.health.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set.
 *
 * @param <T> the mapped type
 */
@FunctionalInterface
public interface RowMapper<T> {

    /** Maps the current row; must not advance the result set. */
    T map(ResultSet rs) throws SQLException;
}
