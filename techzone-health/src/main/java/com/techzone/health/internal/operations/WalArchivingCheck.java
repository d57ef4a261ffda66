package com.techzone.health.internal.operations;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** WAL archiving: archive_mode (off is reported, as the report recommends it) and failing archives (WARNING). */
final class WalArchivingCheck extends OperationsCheck {

    WalArchivingCheck() {
        super("wal-archiving", "WAL archiving");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            String mode = rs.getString("archive_mode");
            if ("off".equals(mode)) {
                return Issue.info("archive_mode", "WAL archiving is off: only dumps can restore, with up to a day of loss")
                        .measured("off").fix("For point-in-time recovery: archive_mode = on and an archive_command "
                                + "(or pgBackRest / WAL-G); test a restore monthly");
            }
            if (rs.getBoolean("failing")) {
                return Issue.warning("archive_mode", "WAL archiving is failing: " + rs.getLong("failed_count")
                                + " failures, last " + rs.getString("last_failed_wal") + " at " + rs.getString("last_failed_time"))
                        .measured(rs.getLong("failed_count") + " failures")
                        .fix("Read the server log for archive_command errors; WAL piles up in pg_wal until it succeeds");
            }
            return Issue.info("archive_mode", "WAL archiving is " + mode + ": " + rs.getLong("archived_count") + " segments archived");
        });
    }
}
