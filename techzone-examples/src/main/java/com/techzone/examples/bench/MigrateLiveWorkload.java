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
 * during a real deploy: the new release's code needs the columns its migrations add, so it starts after them.
 * The migrations run in a JVM of their own ({@link MigratorProcess}), as a deploy runs them. Two loads, each
 * over {@link #ROUNDS} rounds on fresh copies: saturated (each client checks out again as soon as it can) and
 * paced at {@link #PACED_SHARE} of the saturated rate (each checkout due at a fixed time, timed from then).
 * Measured: checkout latency before the migration, during a pause with nothing run (an A/A control), during a
 * migrate with nothing to apply (a control), during V6's statements and during the later migrations; failed checkouts; and the longest time any other session's
 * statement waited on a lock held by the migration, polled from {@code pg_locks}. Fails the run if a checkout
 * failed, the paced load's p99 during V6's statements exceeds 2x its p99 before, or a statement waited on the
 * migration longer than the migration's lock_timeout.
 */
final class MigrateLiveWorkload implements Workload {

    static final int CLIENTS = 4;
    static final int POOL_SIZE = 8;
    static final int HOT_PRODUCTS = 100;
    /** The {@code SET lock_timeout} of the V6 script. */
    static final long LOCK_TIMEOUT_MS = 5_000;
    static final double P99_BOUND = 2.0;
    /** The A/A pause: about as long as a migrate with nothing to apply takes here (60-140 ms measured at scale 0.1). */
    static final long A_A_PAUSE_MS = 100;
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
    /**
     * The paced load's rate, as a share of the saturated load's rate before the migration: on 2 cores it leaves one
     * core's worth of room, as a server that runs a migration live needs; the saturated load is reported beside it.
     */
    static final double PACED_SHARE = 1.0 / 3;

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
        List<Round> saturated = rounds(context, 0);
        long[] before = pooled(saturated, Round::before);
        double saturatedRate = before.length / (saturated.stream().mapToLong(r -> r.nanos()[0]).sum() / 1e9);
        List<Round> paced = rounds(context, saturatedRate * PACED_SHARE);
        Round last = paced.get(paced.size() - 1);
        context.progress().done("migrate-live: V" + last.versionBefore() + " -> V" + last.migrated().toVersion()
                + " under load, " + saturated.size() + " saturated and " + paced.size() + " paced rounds");
        return result(saturated, paced, saturatedRate, context.options().sizes().scale());
    }

    /** {@link #ROUNDS} rounds, each on a fresh copy of the baseline; {@code rate} checkouts/s, or 0 for as fast as they go. */
    private List<Round> rounds(BenchContext context, double rate) throws Exception {
        List<Round> rounds = new ArrayList<>();
        String load = rate == 0 ? "saturated" : String.format(Locale.ROOT, "paced at %.0f/s", rate);
        // Below the judged scale the p99 is only reported: one round shows the workload runs.
        int count = context.options().sizes().scale() >= MIN_SCALE ? ROUNDS : 1;
        for (int r = 1; r <= count; r++) {
            String live = context.database() + "_live";
            String round = "migrate-live: " + load + ", round " + r + "/" + count;
            context.progress().update(round + ", copying the baseline database...");
            context.server().dropDatabase(live);
            context.server().createDatabase(live, context.baseline());
            com.zaxxer.hikari.HikariConfig config = context.server().poolConfig(live, POOL_SIZE, "techzone-bench-migrate-live");
            // A column added live (V7, V8) changes the row type of the previous release's SELECT * / RETURNING *:
            // a statement the driver had prepared on the server then fails once per connection with "cached plan
            // must not change result type" inside a transaction. pgjdbc's autosave=conservative re-runs it; a host
            // applying migrations live needs it too (docs/benchmarks.md, migrate-live).
            config.addDataSourceProperty("autosave", "conservative");
            try (HikariDataSource pool = new HikariDataSource(config)) {
                rounds.add(measure(context, live, pool, round, rate));
            } finally {
                context.server().dropDatabase(live);
            }
        }
        return rounds;
    }

    /** One round: the checkouts of each phase, the phases' lengths (ns), what was migrated, the longest lock wait. */
    private record Round(long[] before, long[] pause, long[] control, long[] call, long[] during, long[] rest, long[] after, long[] nanos,
                         long statementsNanos, MigrationResult first,
                         MigrationResult migrated, String versionBefore, double maxBlockedMs, long failed, String firstError,
                         String isolation) {
    }

    private Round measure(BenchContext context, String live, HikariDataSource pool, String round, double rate) throws Exception {
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
        Load load = new Load(pool, users, hot, rate);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        long[] window = new long[7];
        MigrationResult first;
        MigrationResult migrated;
        double maxBlockedMs;
        long[] statements;
        String isolation;
        try (MigratorProcess migrator = MigratorProcess.start(context.server(), live, MIGRATION_APP)) {
            isolation = migrator.isolation();
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                int client = t;
                clients.add(threads.submit(() -> load.client(client)));
            }
            context.progress().update(round + ", checkouts running, measuring before...");
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            // The monitor polls in every phase, so its own cost is in "before" as much as in "during".
            LockMonitor monitor = new LockMonitor(context.server().dataSource(live));
            Future<Double> blocked = threads.submit(monitor::run);
            window[0] = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            context.progress().update(round + ", migrating under load...");
            window[1] = System.nanoTime();
            // The A/A control: a pause as long as a migrate with nothing to apply takes, nothing run. The checkouts of
            // so short a window are few, and their p99 is nearly their max: this row shows what the window alone gives.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(A_A_PAUSE_MS));
            window[2] = System.nanoTime();
            // The control: the same call with nothing to apply (Flyway's scan, validation and history reads in the
            // migrator process), so the judged window's cost can be told from V6's own.
            migrator.migrate(versionBefore);
            window[3] = System.nanoTime();
            first = migrator.migrate(JUDGED_VERSION);
            window[4] = System.nanoTime();
            migrated = migrator.migrate("latest");
            window[5] = System.nanoTime();
            statements = statementWindow(context.server().dataSource(live), JUDGED_VERSION);
            monitor.stop.set(true);
            maxBlockedMs = blocked.get();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            window[6] = System.nanoTime();
            load.stop.set(true);
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            load.stop.set(true);
            threads.shutdownNow();
        }
        long[] nanos = new long[window.length - 1];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = window[i + 1] - window[i];
        }
        return new Round(load.latencies(window[0], window[1]), load.latencies(window[1], window[2]),
                load.latencies(window[2], window[3]), load.latencies(window[3], window[4]),
                load.overlapping(statements[0], statements[1]),
                load.latencies(window[4], window[5]), load.latencies(window[5], window[6]), nanos,
                statements[1] - statements[0], first, migrated,
                versionBefore, maxBlockedMs, load.failures(), load.firstError, isolation);
    }

    /**
     * When the judged migration's own statements ran, as {@link System#nanoTime()} bounds: Flyway records each
     * migration's {@code execution_time} (ms) and, in its own transaction right after a migration that runs
     * without one (V6), {@code installed_on = now()}; both are read from the history table and placed on this
     * JVM's clock (same machine, same system clock), widened by a millisecond on each side for their resolution.
     */
    private static long[] statementWindow(PGSimpleDataSource dataSource, String version) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT extract(epoch FROM clock_timestamp() - installed_on::timestamptz), execution_time FROM "
                        + TechzoneMigrations.DEFAULT_HISTORY_TABLE + " WHERE version = ? AND success")) {
            ps.setString(1, version);
            long now = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("V" + version + " is not in the history");
                }
                long end = now - (long) (rs.getDouble(1) * 1e9);
                long start = end - TimeUnit.MILLISECONDS.toNanos(rs.getLong(2));
                return new long[] {start - TimeUnit.MILLISECONDS.toNanos(1), end + TimeUnit.MILLISECONDS.toNanos(1)};
            }
        }
    }

    private static long[] pooled(List<Round> rounds, Function<Round, long[]> phase) {
        return rounds.stream().flatMapToLong(r -> Arrays.stream(phase.apply(r))).toArray();
    }

    private static WorkloadResult result(List<Round> saturated, List<Round> paced, double saturatedRate, double scale) {
        Round lastRound = paced.get(paced.size() - 1);
        MigrationResult first = lastRound.first();
        MigrationResult migrated = lastRound.migrated();
        String versionBefore = lastRound.versionBefore();
        String later = versions(migrated);
        String pacedName = String.format(Locale.ROOT, "paced, %.0f/s", saturatedRate * PACED_SHARE);
        ResultTable.Builder phases = ResultTable.builder("phases", "Checkout latency by phase (" + paced.size()
                        + " rounds of each load pooled; seconds summed)",
                new Column("load", "load"), new Column("phase", "phase"), new Column("seconds", "seconds"),
                new Column("checkouts", "checkouts"), new Column("p50_ms", "p50 (ms)"), new Column("p99_ms", "p99 (ms)"),
                new Column("max_ms", "max (ms)"));
        addPhases(phases, "saturated", saturated, later);
        addPhases(phases, pacedName, paced, later);
        List<Round> all = new ArrayList<>(saturated);
        all.addAll(paced);
        double maxBlockedMs = all.stream().mapToDouble(Round::maxBlockedMs).max().orElse(0);
        long failed = all.stream().mapToLong(Round::failed).sum();
        String firstError = all.stream().map(Round::firstError).filter(Objects::nonNull).findFirst().orElse(null);

        ResultTable.Builder checks = ResultTable.builder("checks", "Live-safety checks",
                new Column("check", "check"), new Column("value", "value"), new Column("bound", "bound"),
                new Column("kept", "kept"));
        List<String> failures = new ArrayList<>();
        check(checks, failures, "failed checkouts", failed, 0L, failed == 0);
        long[] during = pooled(paced, Round::during);
        String judged = "p99 during V" + JUDGED_VERSION + "'s statements / p99 before (paced)";
        double ratio = ratio(during, pooled(paced, Round::before));
        if (during.length >= MIN_SAMPLES && scale >= MIN_SCALE) {
            check(checks, failures, judged, ratio, P99_BOUND, ratio <= P99_BOUND);
        } else {
            // On a tiny data set the migration is over in a few hundred ms: too few checkouts for a p99 (it would
            // be their max), and one slow commit on a shared machine decides it. Reported, not judged.
            checks.row("check", judged, "value", during.length == 0 ? null : ratio, "bound", P99_BOUND, "kept",
                    "n/a: judged from scale " + MIN_SCALE + " with " + MIN_SAMPLES
                            + " checkouts during the migration (here scale " + scale + ", " + during.length + ")");
        }
        reported(checks, "p99 during V" + JUDGED_VERSION + "'s statements / p99 before (saturated)", saturated, Round::during);
        reported(checks, "p99 during the call that applies V" + JUDGED_VERSION + " / p99 before (saturated)", saturated, Round::call);
        reported(checks, "p99 during the control / p99 before (saturated)", saturated, Round::control);
        reported(checks, "p99 during the A/A pause / p99 before (paced)", paced, Round::pause);
        reported(checks, "p99 during the control / p99 before (paced)", paced, Round::control);
        reported(checks, "p99 during " + later + " / p99 before (paced)", paced, Round::rest);
        check(checks, failures, "longest wait on a migration lock (ms)", maxBlockedMs, (double) LOCK_TIMEOUT_MS,
                maxBlockedMs <= LOCK_TIMEOUT_MS);

        List<String> notes = new ArrayList<>();
        notes.add("a copy of the data set at V" + versionBefore + "; " + CLIENTS + " client threads on a pool of " + POOL_SIZE
                + " check out (each: one cart line of a random hot product added untimed, then the previous release's "
                + "checkout, timed); 2 s warm-up, 5 s before, a pause of " + A_A_PAUSE_MS + " ms with nothing run (the A/A "
                + "control), then from another connection a migrate with nothing to apply "
                + "(the control), TechzoneMigrations up to V" + JUDGED_VERSION + ", on to the latest, and 2 s after, "
                + "all from a migrator JVM of its own started before the load, as a deploy applies them; "
                + paced.size() + " round(s) per load (" + ROUNDS + " from scale " + MIN_SCALE + ", 1 below it), each on a fresh copy, "
                + "their checkouts pooled per phase");
        notes.add("the migrator JVM's CPU (a deploy runs it on a host of its own): " + lastRound.isolation());
        notes.add(String.format(Locale.ROOT, "two loads: saturated, each client checking out as soon as its last checkout "
                + "ended (%.0f/s before the migration), and paced at %.0f%% of that rate, each checkout due at a fixed time "
                + "and timed from then, so a stall counts for every checkout it delays (no coordinated omission); judged: "
                + "the paced load; the control (a migrate with nothing to apply, from the same warmed-up migrator and its "
                + "open connections) measures what any such client session costs the load on this machine",
                saturatedRate, PACED_SHARE * 100));
        notes.add("judged window: the checkouts that ran at any moment while V" + JUDGED_VERSION + "'s statements ran (from "
                + "Flyway's execution_time and installed_on in the history, on the server's clock); the call that applies "
                + "it also spends the migrator's CPU on Flyway's scan, validation and history reads");
        notes.add("per paced round, p99 during V" + JUDGED_VERSION + "'s statements / p99 before: " + perRound(paced)
                + "; per saturated round: " + perRound(saturated));
        notes.add("migration (last round): " + first.applied().stream().map(m -> "V" + m.version() + " " + m.description() + " ("
                + m.executionMillis() + " ms)").toList() + " then " + migrated.applied().stream().map(m -> "V" + m.version()
                + " " + m.description() + " (" + m.executionMillis() + " ms)").toList());
        notes.add("the later migrations (V7 and V8 add columns, V8.1 and V9 build indexes concurrently) are reported, not judged: "
                + "issue 11 bounds V6. After a column add the previous release, which reads with SELECT * and RETURNING *, "
                + "re-prepares those statements once per pooled connection (pgjdbc autosave=conservative retries the refused "
                + "plan); this release names its result columns, so a later column add does not touch its plans (LiveColumnAddTest)");
        notes.add("lock waits: pg_stat_activity polled every 10 ms in every phase; when a session waits on a lock, pg_locks is read "
                + "for ungranted locks whose blockers include a migration connection (pg_blocking_pids); the wait is "
                + "clock_timestamp() - waitstart; bound = the migration's lock_timeout");
        if (firstError != null) {
            notes.add("first failed checkout: " + firstError);
        }
        return new WorkloadResult("migrate-live", "V6, then the later migrations, applied while the previous release checks out",
                List.of(phases.build(), checks.build()), notes, failures);
    }

    private static void addPhases(ResultTable.Builder table, String load, List<Round> rounds, String later) {
        long[] nanos = new long[6];
        for (Round r : rounds) {
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] += r.nanos()[i];
            }
        }
        addPhase(table, load, "before the migration", nanos[0], pooled(rounds, Round::before));
        addPhase(table, load, "during a pause, nothing run (A/A control)", nanos[1], pooled(rounds, Round::pause));
        addPhase(table, load, "during a migrate with nothing to apply (control)", nanos[2], pooled(rounds, Round::control));
        addPhase(table, load, "during the call that applies V" + JUDGED_VERSION, nanos[3], pooled(rounds, Round::call));
        addPhase(table, load, "during V" + JUDGED_VERSION + "'s statements", rounds.stream().mapToLong(Round::statementsNanos).sum(),
                pooled(rounds, Round::during));
        addPhase(table, load, "during " + later, nanos[4], pooled(rounds, Round::rest));
        addPhase(table, load, "after the migration", nanos[5], pooled(rounds, Round::after));
    }

    private static void reported(ResultTable.Builder checks, String name, List<Round> rounds, Function<Round, long[]> phase) {
        long[] samples = pooled(rounds, phase);
        checks.row("check", name, "value", samples.length == 0 ? null : ratio(samples, pooled(rounds, Round::before)),
                "bound", null, "kept", "reported, not judged");
    }

    private static double ratio(long[] during, long[] before) {
        return CheckoutWorkload.percentile(during, 0.99) / CheckoutWorkload.percentile(before, 0.99);
    }

    private static List<String> perRound(List<Round> rounds) {
        return rounds.stream().map(r -> r.during().length == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", ratio(r.during(), r.before()))).toList();
    }

    /** "V7-V9": the versions a migrate applied. */
    private static String versions(MigrationResult migrated) {
        List<MigrationResult.AppliedMigration> applied = migrated.applied();
        return applied.isEmpty() ? "no later migration"
                : "V" + applied.get(0).version() + "-V" + applied.get(applied.size() - 1).version();
    }

    private static void addPhase(ResultTable.Builder table, String load, String phase, long nanos, long[] samples) {
        long max = 0;
        for (long s : samples) {
            max = Math.max(max, s);
        }
        table.row("load", load, "phase", phase, "seconds", nanos / 1e9, "checkouts", (long) samples.length,
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
        /** Nanoseconds between two checkouts of one client when paced; 0: each starts when the last ended. */
        private final long interval;
        private final long origin = System.nanoTime();
        private long failed;
        volatile String firstError;

        Load(HikariDataSource pool, List<UUID> users, List<UUID> hot, double rate) {
            this.pool = pool;
            this.users = users;
            this.hot = hot;
            this.interval = rate == 0 ? 0 : (long) (CLIENTS * 1e9 / rate);
        }

        Void client(int client) throws SQLException {
            SplittableRandom random = new SplittableRandom(client);
            long due = origin + client * interval / CLIENTS;
            for (int i = client; !stop.get(); i += CLIENTS) {
                UUID user = users.get(i % users.size());
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO cart_items (user_id, product_id, quantity) VALUES (?, ?, 1)")) {
                    ps.setObject(1, user);
                    ps.setObject(2, hot.get(random.nextInt(hot.size())));
                    ps.executeUpdate();
                }
                long start;
                if (interval == 0) {
                    start = System.nanoTime();
                } else {
                    // Paced: the checkout is due at a fixed time whatever the last one took, and its latency counts
                    // from then, so a stall also counts for the checkouts it delayed (no coordinated omission).
                    for (long wait = due - System.nanoTime(); wait > 0 && !stop.get(); wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    start = due;
                    due += interval;
                }
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

        /** Durations (ns) of the checkouts that ran at some moment of [from, to): started before its end, ended after its start. */
        long[] overlapping(long from, long to) {
            synchronized (samples) {
                return samples.stream().filter(s -> s[0] < to && s[0] + s[1] > from).mapToLong(s -> s[1]).toArray();
            }
        }

        /** Durations (ns) of the checkouts that started in [from, to). */
        long[] latencies(long from, long to) {
            synchronized (samples) {
                return samples.stream().filter(s -> s[0] >= from && s[0] < to).mapToLong(s -> s[1]).toArray();
            }
        }
    }

    /**
     * Polls for sessions waiting on a lock that a migration connection holds; returns the longest wait seen (ms).
     * Each poll reads {@code pg_stat_activity} only (backend status in shared memory, no lock-manager lock);
     * {@code pg_locks} and {@code pg_blocking_pids}, which take every lock-manager partition lock and so stall
     * the checkouts' own lock requests while they run, are read only when some session waits on a lock.
     */
    private static final class LockMonitor {
        final AtomicBoolean stop = new AtomicBoolean();
        private final PGSimpleDataSource dataSource;

        LockMonitor(PGSimpleDataSource dataSource) {
            this.dataSource = dataSource;
        }

        Double run() throws SQLException {
            double longest = 0;
            try (Connection c = dataSource.getConnection();
                 PreparedStatement waiting = c.prepareStatement("""
                         SELECT count(*) FROM pg_stat_activity
                         WHERE wait_event_type = 'Lock' AND application_name IS DISTINCT FROM ?""");
                 PreparedStatement blockedByMigration = c.prepareStatement("""
                         SELECT coalesce(max(extract(epoch FROM clock_timestamp() - l.waitstart) * 1000), 0)
                         FROM pg_locks l
                         WHERE NOT l.granted AND l.waitstart IS NOT NULL
                           AND pg_blocking_pids(l.pid) && ARRAY(SELECT pid FROM pg_stat_activity WHERE application_name = ?)
                           AND l.pid NOT IN (SELECT pid FROM pg_stat_activity WHERE application_name = ?)""")) {
                waiting.setString(1, MIGRATION_APP);
                blockedByMigration.setString(1, MIGRATION_APP);
                blockedByMigration.setString(2, MIGRATION_APP);
                while (!stop.get()) {
                    boolean anyWaiting;
                    try (ResultSet rs = waiting.executeQuery()) {
                        rs.next();
                        anyWaiting = rs.getLong(1) > 0;
                    }
                    if (anyWaiting) {
                        try (ResultSet rs = blockedByMigration.executeQuery()) {
                            rs.next();
                            longest = Math.max(longest, rs.getDouble(1));
                        }
                    }
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            }
            return longest;
        }
    }
}
