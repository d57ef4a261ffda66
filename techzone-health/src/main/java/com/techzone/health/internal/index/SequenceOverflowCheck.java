package com.techzone.health.internal.index;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.SequenceOverflowCheckOnHost;
import io.github.mfvanek.pg.model.sequence.SequenceState;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Sequences (and identity columns such as orders.order_number) with less than 10% of their range left. */
final class SequenceOverflowCheck extends LibraryCheck<SequenceState> {

    SequenceOverflowCheck() {
        super("sequence-overflow", "Sequences close to overflow", false);
    }

    @Override
    DatabaseCheckOnHost<SequenceState> create(PgConnection connection) {
        return new SequenceOverflowCheckOnHost(connection);
    }

    @Override
    Issue toIssue(SequenceState sequence, CheckContext context) {
        String name = unqualified(sequence.getSequenceName());
        String left = String.format(Locale.ROOT, "%.2f%%", sequence.getRemainingPercentage());
        String message = "Sequence " + name + " (" + sequence.getDataType() + ") has " + left + " of its range left";
        return (sequence.getRemainingPercentage() < 1 ? Issue.critical(name, message) : Issue.warning(name, message))
                .measured(left).threshold("10%")
                .fix("ALTER SEQUENCE " + sequence.getSequenceName() + " AS bigint (and the column: ALTER TABLE ... ALTER COLUMN ... TYPE bigint)");
    }

    @Override
    List<Issue> unseen(CheckContext context) throws SQLException {
        return lacking(context, "UnreadableSequences", "sequences", "SELECT", "their current value (read as 100% left)");
    }
}
