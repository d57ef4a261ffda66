package com.techzone.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on the test server, owned by one test class. {@link #close()} drops it.
 *
 * @param name the database name
 * @param jdbcUrl its JDBC URL (no credentials in it)
 * @param user the user tests connect as
 * @param password that user's password; never printed by {@link #toString()}
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) implements AutoCloseable {

    /** A fresh, unpooled data source for this database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setApplicationName("techzone-tests");
        return ds;
    }

    /** Runs SQL statements on this database, in one autocommitted batch; for fixtures. */
    public void execute(String... sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture SQL failed on " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        TestPostgres.get().drop(name);
    }

    @Override
    public String toString() {
        return "TestDatabase[name=" + name + ", jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=****]";
    }
}
