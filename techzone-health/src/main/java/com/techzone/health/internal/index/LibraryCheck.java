package com.techzone.health.internal.index;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.GroupCheck;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.StatisticsAge;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import io.github.mfvanek.pg.model.table.TableNameAware;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A group B check that delegates to a pg-index-health check (whose SQL is the library's
 * {@code sql/<check>.sql}) and turns its results into findings. It runs on the run's own
 * connection, so the read-only transaction and the timeouts apply. Runtime checks stay quiet, with
 * one INFO finding, while the statistics are younger than the configured minimum.
 *
 * @param <T> the library's result type
 */
abstract class LibraryCheck<T extends DbObject> extends GroupCheck {

    private final boolean runtime;

    LibraryCheck(String name, String title, boolean runtime) {
        super(CheckGroup.INDEXES, "index", name, title);
        this.runtime = runtime;
    }

    /** The library check on the given connection. */
    abstract DatabaseCheckOnHost<T> create(PgConnection connection);

    /** The finding for one result, or null to drop it. */
    abstract Issue toIssue(T item, CheckContext context);

    /**
     * UNKNOWN findings for what the role cannot see of what this check judges (none by default):
     * the library's SQL would silently skip it.
     *
     * @throws SQLException if the privileges cannot be read
     */
    List<Issue> unseen(CheckContext context) throws SQLException {
        return List.of();
    }

    /** The UNKNOWN finding naming the objects of {@code kind} the role lacks {@code privilege} on, if any. */
    static List<Issue> lacking(CheckContext context, String sqlName, String kind, String privilege, String hidden)
            throws SQLException {
        List<String> names = context.queryNamed(LibraryCheck.class, sqlName, rs -> rs.getString("name"), context.schema());
        if (names.isEmpty()) {
            return List.of();
        }
        String role = context.role();
        return List.of(Issue.unknown(kind, "Not judged for " + names.size() + " of the " + kind + ": role " + role + " lacks the privilege "
                        + privilege + " on " + String.join(", ", names) + ", without which the server hides " + hidden)
                .fix("GRANT " + privilege + " ON ALL " + kind.toUpperCase(java.util.Locale.ROOT) + " IN SCHEMA "
                        + CheckContext.quote(context.schema()) + " TO " + CheckContext.quote(role)
                        + "; (TechzoneRoles grants it to the monitor role)"));
    }

    /**
     * The library's results as this check judges them (unchanged by default; the table bloat check
     * sums a partitioned table's partitions).
     *
     * @throws SQLException if what it needs cannot be read
     */
    List<T> combine(List<T> found, CheckContext context) throws SQLException {
        return found;
    }

    /** The context passed to the library; the bloat checks override it with their threshold. */
    PgContext pgContext(CheckContext context) {
        return PgContext.of(context.schema());
    }

    @Override
    public final List<Issue> run(CheckContext context) throws SQLException {
        if (runtime && !context.statisticsOldEnough()) {
            StatisticsAge age = context.statisticsAge();
            return List.of(Issue.info("database", "Not judged: statistics are " + CheckContext.format(age.age())
                            + " old, younger than " + CheckContext.format(context.options().minimumStatisticsAge())
                            + " (a fresh or restored database looks idle or unused)")
                    .measured(CheckContext.format(age.age())).threshold(CheckContext.format(context.options().minimumStatisticsAge())));
        }
        String history = context.options().historyTable();
        List<T> found = create(context.pgConnection()).check(pgContext(context),
                o -> !(o instanceof TableNameAware t && unqualified(t.getTableName()).equals(history)));
        List<Issue> issues = new ArrayList<>(unseen(context));
        for (T item : combine(found, context)) {
            Issue issue = toIssue(item, context);
            if (issue != null) {
                issues.add(issue);
            }
        }
        return issues;
    }

    @Override
    public final boolean runtime() {
        return runtime;
    }

    /** The name without its schema prefix. */
    static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
