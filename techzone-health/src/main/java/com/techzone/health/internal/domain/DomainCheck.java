package com.techzone.health.internal.domain;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.GroupCheck;
import com.techzone.health.internal.RowMapper;
import com.techzone.health.internal.Sql;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The common shape of group D checks: they read the TechZone tables, one aggregate query each. */
abstract class DomainCheck extends GroupCheck {

    DomainCheck(String name, String title) {
        super(CheckGroup.DOMAIN, "domain", name, title);
    }

    /**
     * The SQL resource of the check with every {@code {schema}} replaced by the inspected schema,
     * quoted: each relation is qualified, so the check reads that schema whatever the search_path.
     */
    static String sql(CheckContext context, Class<?> owner) {
        String sql = Sql.of(owner);
        Matcher cutoff = ARCHIVE_CUTOFF.matcher(sql);
        if (cutoff.find()) {
            // Strip the fragment's comment lines: it is placed inside the check's statement.
            String fragment = Sql.of(DomainCheck.class, "ArchiveCutoff").replaceAll("(?m)^--.*\\R", "").strip();
            sql = cutoff.replaceAll(Matcher.quoteReplacement(fragment).replace("{ledger}", "$1"));
        }
        return sql.replace("{schema}", CheckContext.quote(context.schema()));
    }

    /**
     * {@code {archive_cutoff:<ledger>}} in a check's SQL: the query of {@code ArchiveCutoff.sql} for that
     * ledger, one row whose {@code archived_before} is null unless its oldest months were archived.
     */
    private static final Pattern ARCHIVE_CUTOFF = Pattern.compile("\\{archive_cutoff:([a-z_]+)}");

    /**
     * Runs the check's SQL ({@link #sql}) with JIT compilation off for the rest of the run's
     * transaction: each is a one-off scan of whole tables, where compiling its expressions costs
     * more than it saves (seconds on a busy server with JIT, which never pays back within the run).
     *
     * @throws SQLException if a query fails
     */
    static <T> List<T> query(CheckContext context, Class<?> owner, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        context.queryText("select set_config('jit', 'off', true)", rs -> null);
        return context.queryText(sql(context, owner), mapper, parameters);
    }

    /** How many offenders a check's query lists at most (its {@code limit}). */
    static final int LISTED = 50;

    /** " (showing 50 of 120)" when the query was cut at its limit. */
    static String more(int shown, long total) {
        return total > shown ? " (" + total + " in all; the first " + shown + " are listed)" : "";
    }
}
