package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledgers partitioned by month (techzone-migrations' {@code LedgerPartitioning}) are maintained: a
 * partition covers the current month and all of next month (UTC), and the default partition, which
 * catches the rows no month partition takes, is empty. Plain (unpartitioned) ledgers are not judged.
 * Without a default partition, a month without a partition fails every insert: CRITICAL.
 */
final class LedgerPartitionsCheck extends SchemaCheck {

    static final List<String> LEDGERS = List.of("inventory_logs", "order_status_history");

    private record Ledger(String name, int partitions, boolean coversNow, boolean coversNextMonth, String nextMonth,
                          String defaultPartition, boolean defaultReadable, String detachedDefault, boolean detachedReadable) {
    }

    LedgerPartitionsCheck() {
        super("ledger-partitions", "Partitioned ledgers: next month has a partition, the default partition is empty", false);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        List<Ledger> ledgers = context.query(getClass(), rs -> new Ledger(rs.getString("ledger"), rs.getInt("partitions"),
                rs.getBoolean("covers_now"), rs.getBoolean("covers_next_month"), rs.getString("next_month"),
                rs.getString("default_partition"), rs.getBoolean("default_readable"), rs.getString("detached_default"),
                rs.getBoolean("detached_readable")),
                context.schema(), LEDGERS.toArray(new String[0]), context.schema(), context.schema(), context.schema(),
                context.schema());
        List<Issue> issues = new ArrayList<>();
        for (Ledger ledger : ledgers) {
            String fix = "Create the partitions ahead (monthly, e.g. from a scheduled job): LedgerPartitioning.configure(dataSource)"
                    + (context.schema().equals("public") ? "" : ".schema(\"" + context.schema() + "\")")
                    + ".load().createPartitionsAhead()";
            boolean hasDefault = ledger.defaultPartition() != null;
            String consequence = hasDefault ? "its rows go to the default partition " + ledger.defaultPartition()
                    : "it has no default partition, so every insert of that time fails";
            if (!ledger.coversNow()) {
                issues.add((hasDefault ? Issue.warning(ledger.name(), msg(ledger, "the current month", consequence))
                        : Issue.critical(ledger.name(), msg(ledger, "the current month", consequence)))
                        .measured(ledger.partitions() + " month partition(s)").threshold("current month covered").fix(fix));
            }
            if (!ledger.coversNextMonth()) {
                issues.add((hasDefault ? Issue.warning(ledger.name(), msg(ledger, "next month (" + ledger.nextMonth() + ")", consequence))
                        : Issue.critical(ledger.name(), msg(ledger, "next month (" + ledger.nextMonth() + ")", consequence)))
                        .measured(ledger.partitions() + " month partition(s)").threshold(ledger.nextMonth() + " covered").fix(fix));
            }
            if (hasDefault) {
                defaultRows(context, ledger, issues);
            }
            if (ledger.detachedDefault() != null) {
                detachedDefaultRows(context, ledger, issues);
            }
        }
        return issues;
    }

    /**
     * A detached default partition still holding rows (the middle of docs/schema.md's "Rows in the
     * default partition"): those rows are not in the ledger, so the domain checks that reconcile it
     * (stock against the ledger's sum, an order's last status) may fail until they are moved back.
     */
    private static void detachedDefaultRows(CheckContext context, Ledger ledger, List<Issue> issues) throws SQLException {
        String detached = ledger.detachedDefault();
        String object = ledger.name() + "." + detached;
        if (!ledger.detachedReadable()) {
            issues.add(Issue.unknown(object, "Cannot tell whether " + detached + ", a table named like the default partition of "
                    + ledger.name() + " but not attached, holds rows: this role may not read it")
                    .fix("GRANT SELECT ON " + context.qualified(detached) + " TO <monitor role>"));
            return;
        }
        String table = CheckContext.quote(context.schema()) + "." + CheckContext.quote(detached);
        context.queryText(Sql.of(LedgerPartitionsCheck.class, "DefaultPartitionRows").formatted(table), rs -> {
            long rows = rs.getLong("rows");
            if (rows > 0) {
                issues.add(Issue.warning(object, "The table " + detached + ", named like the default partition of " + ledger.name()
                                + " but detached from it, holds " + (rows >= 100_000 ? "at least " : "") + rows
                                + " row(s), created_at from " + rs.getString("oldest") + " to " + rs.getString("newest")
                                + ": they are not in the ledger, so the checks that reconcile it count without them")
                        .measured(rows + " row(s)").threshold("0 rows")
                        .fix("Finish docs/schema.md, \"Rows in the default partition\": create the months' partitions, INSERT the rows "
                                + "through " + context.qualified(ledger.name()) + ", delete them from " + detached
                                + " and attach it again as DEFAULT"));
            }
            return null;
        });
    }

    private static String msg(Ledger ledger, String when, String consequence) {
        return "Partitioned ledger " + ledger.name() + " has no partition for " + when + ": " + consequence;
    }

    private static void defaultRows(CheckContext context, Ledger ledger, List<Issue> issues) throws SQLException {
        String partition = ledger.defaultPartition();
        String object = ledger.name() + "." + partition;
        if (!ledger.defaultReadable()) {
            issues.add(Issue.unknown(object, "Cannot tell whether the default partition " + partition + " holds rows: this role "
                    + "may not read it").fix("GRANT USAGE ON SCHEMA " + CheckContext.quote(context.schema()) + " TO <monitor role>; "
                    + "GRANT SELECT ON " + context.qualified(partition) + " TO <monitor role>"));
            return;
        }
        String table = CheckContext.quote(context.schema()) + "." + CheckContext.quote(partition);
        context.queryText(Sql.of(LedgerPartitionsCheck.class, "DefaultPartitionRows").formatted(table), rs -> {
            long rows = rs.getLong("rows");
            if (rows > 0) {
                issues.add(Issue.warning(object, "The default partition " + partition + " holds " + (rows >= 100_000 ? "at least " : "")
                                + rows + " row(s), created_at from " + rs.getString("oldest") + " to " + rs.getString("newest")
                                + ": a month had no partition when they were written, and no partition can be created for their "
                                + "months while they sit there")
                        .measured(rows + " row(s)").threshold("0 rows")
                        .fix("Move them into month partitions (docs/schema.md, \"Rows in the default partition\"): detach the "
                                + "default partition, create the months' partitions, INSERT the rows through " + context.qualified(ledger.name())
                                + ", then delete them from the detached table and attach it again as DEFAULT"));
            }
            return null;
        });
    }
}
