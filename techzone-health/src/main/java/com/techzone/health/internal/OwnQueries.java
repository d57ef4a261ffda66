package com.techzone.health.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Marks every statement a run sends with a comment after its first keyword, so that
 * pg_stat_statements keeps it recognisable and {@code ops.slow-statements} can leave the health
 * check's own queries out. After the first keyword, because the server drops a statement's leading
 * comments from the text pg_stat_statements records.
 */
public final class OwnQueries {

    /** The comment in every statement of a run: {@value}. */
    public static final String MARKER = "/* techzone-health */";

    // Leading whitespace and comments, then the first keyword.
    private static final Pattern FIRST_KEYWORD =
            Pattern.compile("(?:\\s|--[^\\n]*(?:\\n|$)|/\\*(?s:.*?)\\*/)*[A-Za-z]+");

    private OwnQueries() {
    }

    /** The SQL text with the marker after its first keyword; unchanged if already marked or without a keyword. */
    public static String mark(String sql) {
        Matcher keyword = FIRST_KEYWORD.matcher(sql);
        if (!keyword.lookingAt() || sql.startsWith(" " + MARKER, keyword.end())) {
            return sql;
        }
        return sql.substring(0, keyword.end()) + " " + MARKER + sql.substring(keyword.end());
    }

    /** A view of the data source whose connections mark their statements (for Flyway's reads of the history table). */
    static DataSource marking(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(OwnQueries.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? marking(connection) : result;
                });
    }

    /**
     * A view of the connection that marks the SQL of {@code prepareStatement}, {@code prepareCall}
     * and of the statements {@code createStatement} returns; everything else passes through.
     */
    static Connection marking(Connection connection) {
        return (Connection) Proxy.newProxyInstance(OwnQueries.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, markFirstString(method, args));
                    return result instanceof Statement statement && method.getName().equals("createStatement")
                            ? marking(statement) : result;
                });
    }

    private static Statement marking(Statement statement) {
        return (Statement) Proxy.newProxyInstance(OwnQueries.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> invoke(statement, method, markFirstString(method, args)));
    }

    private static Object[] markFirstString(Method method, Object[] args) {
        String name = method.getName();
        boolean sqlFirst = name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch");
        if (sqlFirst && args != null && args.length > 0 && args[0] instanceof String sql) {
            Object[] marked = args.clone();
            marked[0] = mark(sql);
            return marked;
        }
        return args;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
