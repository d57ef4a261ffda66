package com.techzone.examples.bench;

import com.techzone.core.Techzone;
import com.techzone.examples.bench.ResultTable.Column;
import com.techzone.migrations.MigrationResult;
import com.techzone.migrations.TechzoneMigrations;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code migrate-live}: the newer migrations (V6 on) applied to a copy of the data set at the baseline version
 * (V5) while checkouts run. The checkouts are the previous release's ({@link PreviousReleaseCheckout}), as
 * during a real deploy: the new release's code needs the columns its migrations add, so it starts after them. Checkout latency before the migration vs during it; failed checkouts; and the longest
 * time any other session's statement waited on a lock held by the migration, polled from {@code pg_locks}.
 * Fails the run if a checkout failed, the p99 during the migration exceeds 2x the p99 before, or a statement
 * waited on the migration longer than the migration's lock_timeout.
 */
final class MigrateLiveWorkload implements Workload {

    static final int CLIENTS = 4;
    static final int POOL_SIZE = 8;
    static final int HOT_PRODUCTS = 100;
    /** The {@code SET lock_timeout} of the V6 script. */
    static final long LOCK_TIMEOUT_MS = 5_000;
    static final double P99_BOUND = 2.0;
    /** Checkouts needed in a phase for its p99 to be compared. */
    static final int MIN_SAMPLES = 50;
    /** The smallest scale at which the p99 bound is judged (the setting is 0.1). */
    static final double MIN_SCALE = 0.1;
    private static final String MIGRATION_APP = "techzone-migrate-live";
    /** The migration the p99 bound judges (issue 11: V6, the index change on a live table). */
    static final String JUDGED_VERSION = "6";
    /**
     * Rounds, each on a fresh copy of the baseline, whose checkouts are pooled per phase: V6 takes a
     * quarter of a second at scale 0.1, so one round's "during" p99 is its second-slowest of ~150
     * checkouts, which one scheduler hiccup decides (1.82x and 2.47x in two runs of the same code).
     */
    static final int ROUNDS = 5;

    @Override
    public String name() {
        return "migrate-live";
    }

    @Override
    public String description() {
        return "V6 on applied to the V5 baseline copy while the previous release checks out: failed checkouts, p99 before vs during, lock waits";
    }

    @Override
    public boolean usesBaseline() {
        return true;
    }

    @Override
    public WorkloadResult run(BenchContext context) throws Exception {
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            String live = context.database() + "_live";
            context.progress().update("migrate-live: round " + r + "/" + ROUNDS + ", copying the baseline database...");
            context.server().dropDatabase(live);
            context.server().createDatabase(live, context.baseline());
            com.zaxxer.hikari.HikariConfig config = context.server().poolConfig(live, POOL_SIZE, "techzone-bench-migrate-live");
            // A column added live (V7, V8) changes the row type of the previous release's SELECT * / RETURNING *:
            // a statement the driver had prepared on the server then fails once per connection with "cached plan
            // must not change result type" inside a transaction. pgjdbc's autosave=conservative re-runs it; a host
            // applying migrations live needs it too (docs/benchmarks.md, migrate-live).
            config.addDataSourceProperty("autosave", "conservative");
            try (HikariDataSource pool = new HikariDataSource(config)) {
                rounds.add(measure(context, live, pool, r));
            } finally {
                context.server().dropDatabase(live);
            }
        }
        Round last = rounds.get(rounds.size() - 1);
        context.progress().done("migrate-live: V" + last.versionBefore() + " -> V" + last.migrated().toVersion()
                + " under load, " + ROUNDS + " rounds");
        return result(rounds, context.options().sizes().scale());
    }

    /** One round: the checkouts of each phase, the phases' lengths (ns), what was migrated, the longest lock wait. */
    private record Round(long[] before, long[] during, long[] rest, long[] after, long[] nanos, MigrationResult first,
                         MigrationResult migrated, String versionBefore, double maxBlockedMs, long failed, String firstError) {
    }

    private Round measure(BenchContext context, String live, HikariDataSource pool, int round) throws Exception {
        Techzone tz = Techzone.create(pool);
        List<UUID> hot;
        List<UUID> users;
        try (Connection c = pool.getConnection()) {
            hot = DaoOverheadWorkload.Fixture.ids(c, "SELECT id FROM products WHERE is_active ORDER BY sku LIMIT " + HOT_PRODUCTS);
            users = DaoOverheadWorkload.Fixture.ids(c, "SELECT id FROM users u WHERE NOT EXISTS "
                    + "(SELECT FROM cart_items c WHERE c.user_id = u.id) ORDER BY id LIMIT 2000");
        }
        for (UUID p : hot) {
            tz.inventory().restock(p, 1_000_000, null);
        }
        String versionBefore = TechzoneMigrations.configure(context.server().dataSource(live)).load().currentVersion();
        Load load = new Load(pool, users, hot);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        long[] window = new long[5];
        MigrationResult first;
        MigrationResult migrated;
        double maxBlockedMs;
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                int client = t;
                clients.add(threads.submit(() -> load.client(client)));
            }
            context.progress().update("migrate-live: round " + round + "/" + ROUNDS + ", checkouts running, measuring before...");
            window[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(7));
            LockMonitor monitor = new LockMonitor(context.server().dataSource(live));
            Future<Double> blocked = threads.submit(monitor::run);
            context.progress().update("migrate-live: round " + round + "/" + ROUNDS + ", migrating under load...");
            PGSimpleDataSource migration = context.server().dataSource(live);
            migration.setApplicationName(MIGRATION_APP);
            window[1] = System.nanoTime();
            first = TechzoneMigrations.configure(migration).target(JUDGED_VERSION).load().migrate();
            window[2] = System.nanoTime();
            migrated = TechzoneMigrations.migrate(migration);
            window[3] = System.nanoTime();
            monitor.stop.set(true);
            maxBlockedMs = blocked.get();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            window[4] = System.nanoTime();
            load.stop.set(true);
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            load.stop.set(true);
            threads.shutdownNow();
        }
        long[] nanos = {window[1] - window[0], window[2] - window[1], window[3] - window[2], window[4] - window[3]};
        return new Round(load.latencies(window[0], window[1]), load.latencies(window[1], window[2]),
                load.latencies(window[2], window[3]), load.latencies(window[3], window[4]), nanos, first, migrated,
                versionBefore, maxBlockedMs, load.failures(), load.firstError);
    }

    private static long[] pooled(List<Round> rounds, Function<Round, long[]> phase) {
        return rounds.stream().flatMapToLong(r -> Arrays.stream(phase.apply(r))).toArray();
    }

    private static WorkloadResult result(List<Round> rounds, double scale) {
        Round lastRound = rounds.get(rounds.size() - 1);
        MigrationResult first = lastRound.first();
        MigrationResult migrated = lastRound.migrated();
        String versionBefore = lastRound.versionBefore();
        long[] before = pooled(rounds, Round::before);
        long[] during = pooled(rounds, Round::during);
        long[] rest = pooled(rounds, Round::rest);
        long[] after = pooled(rounds, Round::after);
        long[] nanos = new long[4];
        for (Round r : rounds) {
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] += r.nanos()[i];
            }
        }
        double maxBlockedMs = rounds.stream().mapToDouble(Round::maxBlockedMs).max().orElse(0);
        long failed = rounds.stream().mapToLong(Round::failed).sum();
        String firstError = rounds.stream().map(Round::firstError).filter(Objects::nonNull).findFirst().orElse(null);
        ResultTable.Builder phases = ResultTable.builder("phases", "Checkout latency by phase (" + ROUNDS
                        + " rounds pooled; seconds summed)",
                new Column("phase", "phase"), new Column("seconds", "seconds"), new Column("checkouts", "checkouts"),
                new Column("p50_ms", "p50 (ms)"), new Column("p99_ms", "p99 (ms)"), new Column("max_ms", "max (ms)"));
        addPhase(phases, "before the migration", nanos[0], before);
        addPhase(phases, "during V" + JUDGED_VERSION + " (judged)", nanos[1], during);
        addPhase(phases, "during " + versions(migrated), nanos[2], rest);
        addPhase(phases, "after the migration", nanos[3], after);
        double p99Before = CheckoutWorkload.percentile(before, 0.99) / 1e6;
        double p99During = CheckoutWorkload.percentile(during, 0.99) / 1e6;
        double p99Rest = CheckoutWorkload.percentile(rest, 0.99) / 1e6;
        ResultTable.Builder checks = ResultTable.builder("checks", "Live-safety checks",
                new Column("check", "check"), new Column("value", "value"), new Column("bound", "bound"),
                new Column("kept", "kept"));
        List<String> failures = new ArrayList<>();
        check(checks, failures, "failed checkouts", failed, 0L, failed == 0);
        if (during.length >= MIN_SAMPLES && scale >= MIN_SCALE) {
            check(checks, failures, "p99 during V" + JUDGED_VERSION + " / p99 before", p99During / p99Before, P99_BOUND,
                    p99During <= P99_BOUND * p99Before);
        } else {
            // On a tiny data set the migration is over in a few hundred ms: too few checkouts for a p99 (it would
            // be their max), and one slow commit on a shared machine decides it. Reported, not judged.
            checks.row("check", "p99 during V" + JUDGED_VERSION + " / p99 before", "value", during.length == 0 ? null : p99During / p99Before,
                    "bound", P99_BOUND, "kept", "n/a: judged from scale " + MIN_SCALE + " with " + MIN_SAMPLES
                            + " checkouts during the migration (here scale " + scale + ", " + during.length + ")");
        }
        checks.row("check", "p99 during " + versions(migrated) + " / p99 before", "value",
                rest.length == 0 ? null : p99Rest / p99Before, "bound", null, "kept", "reported, not judged (see the notes)");
        check(checks, failures, "longest wait on a migration lock (ms)", maxBlockedMs, (double) LOCK_TIMEOUT_MS,
                maxBlockedMs <= LOCK_TIMEOUT_MS);
        List<String> notes = new ArrayList<>();
        notes.add("a copy of the data set at V" + versionBefore + "; " + CLIENTS + " client threads check out continuously "
                + "(each: one cart line of a random hot product added untimed, then the previous release's checkout, timed) on a pool of "
                + POOL_SIZE + "; 2 s warm-up, 5 s before, then from another connection TechzoneMigrations up to V"
                + JUDGED_VERSION + " (the change issue 11 bounds: p99 within " + P99_BOUND + "x), then on to the latest, then 2 s after; "
                + ROUNDS + " such rounds, each on a fresh copy, their checkouts pooled per phase (one round's V6 window holds "
                + "too few checkouts for a p99)");
        notes.add("per round, p99 during V" + JUDGED_VERSION + " / p99 before: " + rounds.stream().map(r -> r.during().length == 0
                ? "-" : String.format(Locale.ROOT, "%.2f", CheckoutWorkload.percentile(r.during(), 0.99)
                / CheckoutWorkload.percentile(r.before(), 0.99))).toList());
        notes.add("migration (last round): " + first.applied().stream().map(m -> "V" + m.version() + " " + m.description() + " ("
                + m.executionMillis() + " ms)").toList() + " then " + migrated.applied().stream().map(m -> "V" + m.version()
                + " " + m.description() + " (" + m.executionMillis() + " ms)").toList());
        notes.add("the later migrations (V7 and V8 add columns, V8.1 and V9 build indexes concurrently) are reported, not judged: "
                + "issue 11 bounds V6. After a column add the previous release, which reads with SELECT * and RETURNING *, "
                + "re-prepares those statements once per pooled connection (pgjdbc autosave=conservative retries the refused "
                + "plan); this release names its result columns, so a later column add does not touch its plans (LiveColumnAddTest)");
        notes.add("lock waits: pg_locks polled every 10 ms for ungranted locks whose blockers include a migration "
                + "connection (pg_blocking_pids); the wait is now() - waitstart; bound = the migration's lock_timeout");
        if (firstError != null) {
            notes.add("first failed checkout: " + firstError);
        }
        return new WorkloadResult("migrate-live", "V6, then the later migrations, applied while the previous release checks out",
                List.of(phases.build(), checks.build()), notes, failures);
    }

    /** "V7-V9": the versions a migrate applied. */
    private static String versions(MigrationResult migrated) {
        List<MigrationResult.AppliedMigration> applied = migrated.applied();
        return applied.isEmpty() ? "no later migration"
                : "V" + applied.get(0).version() + "-V" + applied.get(applied.size() - 1).version();
    }

    private static void addPhase(ResultTable.Builder table, String phase, long nanos, long[] samples) {
        long max = 0;
        for (long s : samples) {
            max = Math.max(max, s);
        }
        table.row("phase", phase, "seconds", nanos / 1e9, "checkouts", (long) samples.length,
                "p50_ms", CheckoutWorkload.percentile(samples, 0.50) / 1e6,
                "p99_ms", CheckoutWorkload.percentile(samples, 0.99) / 1e6, "max_ms", max / 1e6);
    }

    private static void check(ResultTable.Builder table, List<String> failures, String name, Object value, Object bound,
                              boolean kept) {
        table.row("check", name, "value", value, "bound", bound, "kept", kept);
        if (!kept) {
            failures.add("migrate-live: " + name + " = " + value + ", bound " + bound);
        }
    }

    /** Checkout clients; each sample is its start and duration (ns). */
    private static final class Load {
        final AtomicBoolean stop = new AtomicBoolean();
        private final HikariDataSource pool;
        private final List<UUID> users;
        private final List<UUID> hot;
        private final List<long[]> samples = new ArrayList<>();
        private long failed;
        volatile String firstError;

        Load(HikariDataSource pool, List<UUID> users, List<UUID> hot) {
            this.pool = pool;
            this.users = users;
            this.hot = hot;
        }

        Void client(int client) throws SQLException {
            SplittableRandom random = new SplittableRandom(client);
            for (int i = client; !stop.get(); i += CLIENTS) {
                UUID user = users.get(i % users.size());
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO cart_items (user_id, product_id, quantity) VALUES (?, ?, 1)")) {
                    ps.setObject(1, user);
                    ps.setObject(2, hot.get(random.nextInt(hot.size())));
                    ps.executeUpdate();
                }
                long start = System.nanoTime();
                try (Connection c = pool.getConnection()) {
                    if (!PreviousReleaseCheckout.checkout(c, user)) {
                        throw new IllegalStateException("the cart of " + user + " was empty or short");
                    }
                    long took = System.nanoTime() - start;
                    synchronized (samples) {
                        samples.add(new long[] {start, took});
                    }
                } catch (SQLException | RuntimeException e) {
                    synchronized (samples) {
                        failed++;
                    }
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM cart_items WHERE user_id = ?")) {
                        ps.setObject(1, user);
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        }

        long failures() {
            synchronized (samples) {
                return failed;
            }
        }

        /** Durations (ns) of the checkouts that started in [from, to). */
        long[] latencies(long from, long to) {
            synchronized (samples) {
                return samples.stream().filter(s -> s[0] >= from && s[0] < to).mapToLong(s -> s[1]).toArray();
            }
        }
    }

    /** Polls for sessions waiting on a lock that a migration connection holds; returns the longest wait seen (ms). */
    private static final class LockMonitor {
        final AtomicBoolean stop = new AtomicBoolean();
        private final PGSimpleDataSource dataSource;

        LockMonitor(PGSimpleDataSource dataSource) {
            this.dataSource = dataSource;
        }

        Double run() throws SQLException {
            double longest = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    SELECT coalesce(max(extract(epoch FROM clock_timestamp() - l.waitstart) * 1000), 0)
                    FROM pg_locks l
                    WHERE NOT l.granted AND l.waitstart IS NOT NULL
                      AND pg_blocking_pids(l.pid) && ARRAY(SELECT pid FROM pg_stat_activity WHERE application_name = ?)
                      AND l.pid NOT IN (SELECT pid FROM pg_stat_activity WHERE application_name = ?)""")) {
                ps.setString(1, MIGRATION_APP);
                ps.setString(2, MIGRATION_APP);
                while (!stop.get()) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        longest = Math.max(longest, rs.getDouble(1));
                    }
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            }
            return longest;
        }
    }
}
