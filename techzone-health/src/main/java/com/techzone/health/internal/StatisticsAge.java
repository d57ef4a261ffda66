package com.techzone.health.internal;

import io.github.mfvanek.pg.core.statistics.StatisticsMaintenanceOnHostImpl;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How long the cumulative statistics have been collecting: since the last reset
 * (pg-index-health's {@code getLastStatsResetTimestamp}), else since the server started.
 *
 * @param since when collecting began
 * @param age how long ago that was, by the server's clock
 * @param reset true when {@code since} is a statistics reset, false when it is the server start
 */
public record StatisticsAge(OffsetDateTime since, Duration age, boolean reset) {

    static StatisticsAge read(CheckContext context) throws SQLException {
        Optional<OffsetDateTime> lastReset =
                new StatisticsMaintenanceOnHostImpl(context.pgConnection()).getLastStatsResetTimestamp();
        return context.query(StatisticsAge.class, rs -> {
            OffsetDateTime now = rs.getObject("now", OffsetDateTime.class);
            OffsetDateTime started = rs.getObject("started", OffsetDateTime.class);
            OffsetDateTime since = lastReset.filter(r -> r.isAfter(started)).orElse(started);
            return new StatisticsAge(since, Duration.between(since, now), lastReset.isPresent() && since.equals(lastReset.get()));
        }).get(0);
    }
}
