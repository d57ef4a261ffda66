package com.techzone.health.internal.index;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.HealthCheck;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.StatisticsAge;
import java.sql.SQLException;
import java.util.List;

/**
 * How old the cumulative statistics are (its SQL is {@code StatisticsAge.sql}): the runtime checks
 * judge them only past the configured minimum age.
 */
final class StatisticsAgeCheck implements HealthCheck {

    @Override
    public String id() {
        return "index.statistics-age";
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.INDEXES;
    }

    @Override
    public String title() {
        return "Age of the statistics the runtime checks judge";
    }

    @Override
    public boolean runtime() {
        return true;
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        StatisticsAge age = context.statisticsAge();
        boolean judged = context.statisticsOldEnough();
        return List.of(Issue.info("database", "Statistics collected for " + CheckContext.format(age.age()) + " (since "
                        + (age.reset() ? "the last reset, " : "the server started, ") + age.since() + "); runtime checks "
                        + (judged ? "are judged" : "are not judged until they are " + CheckContext.format(context.options().minimumStatisticsAge()) + " old"))
                .measured(CheckContext.format(age.age()))
                .threshold(CheckContext.format(context.options().minimumStatisticsAge())));
    }
}
