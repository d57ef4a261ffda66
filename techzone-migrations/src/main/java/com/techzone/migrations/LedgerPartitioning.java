package com.techzone.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opt-in monthly range partitioning (by {@code created_at}, months in UTC) of the two append-only
 * ledgers, {@code inventory_logs} and {@code order_status_history}, done online on a live database.
 *
 * <pre>{@code
 * LedgerPartitioning partitioning = LedgerPartitioning.configure(dataSource).schema("shop").load();
 * partitioning.convert();                 // once; a second call only creates missing partitions
 * partitioning.createPartitionsAhead();   // from a monthly job: keeps 3 months ahead
 * }</pre>
 *
 * <p>{@link #convert()} turns each ledger that is still a plain table into a partitioned table of the
 * same name, keeping every row where it is:
 * <ol>
 *   <li>a constraint {@code chk_<table>_before_<yyyy>_<mm>} ({@code created_at < } the first month that
 *       starts at least one day from now) is added {@code NOT VALID} (a brief ACCESS EXCLUSIVE lock) and
 *       then validated (SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans);</li>
 *   <li>a unique index on {@code (id, created_at)} is built {@code CONCURRENTLY};</li>
 *   <li>the partitioned parent is created beside the table under a temporary name, with the same columns
 *       (in the same order), defaults, checks, foreign key and indexes, and the primary key
 *       {@code (id, created_at)}: PostgreSQL requires the partition key in it;</li>
 *   <li>in one short transaction (ACCESS EXCLUSIVE on the referenced table, {@code products} or
 *       {@code orders}, and on the ledger; milliseconds once granted; each lock waited for at most 40% of
 *       the server's {@code deadlock_timeout}, so a shop session in a lock cycle with it is never the
 *       deadlock victim) the table is renamed
 *       {@code <table>_p_legacy}, the parent takes the table's name and its index names, and the old
 *       table is attached as the first partition, {@code FROM (MINVALUE) TO} the constraint's bound: the
 *       validated constraint proves the bound, so the attach scans nothing, and the indexes and the
 *       foreign key are adopted, not rebuilt; the {@code seq} sequence (V7) moves to the parent;</li>
 *   <li>partitions {@code <table>_p<yyyy>_<mm>} are created up to {@link Builder#monthsAhead} months
 *       ahead (and, only if asked for, a default partition: see {@link Builder#defaultPartition}).</li>
 * </ol>
 * Each locking step runs with {@code lock_timeout} ({@link Builder#lockTimeout}) and is retried
 * ({@link Builder#attempts}) when it times out or is chosen as a deadlock victim, so statements of the
 * shop never queue behind it for longer than the lock timeout. An interrupted conversion is resumed by the
 * next call. The privileges granted on the table are granted on the parent and on each new partition.
 * Run it as the role that owns the tables (the one that runs the migrations) or as a superuser: what it
 * creates is given to the ledger's owner either way. An old month is archived
 * with {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY} (docs/schema.md).
 *
 * <p>Without a default partition (the default), an insert into a month that has no partition fails:
 * schedule {@link #createPartitionsAhead()}; the health check reports a next month without a partition.
 *
 * <p>The {@code id} of a ledger row is no longer unique by itself in the database, only
 * {@code (id, created_at)}: a unique index on a partitioned table must contain the partition key. The
 * ids are random UUIDs (UUIDv7 from the library: 74 random bits per millisecond; {@code gen_random_uuid()}:
 * 122 random bits), never supplied by users and referenced by no foreign key, so a duplicate is not a
 * practical risk.
 *
 * <p>Instances are immutable and thread-safe; each call borrows one connection.
 */
public final class LedgerPartitioning {

    /** The ledgers this partitions, in the order they are converted. */
    public static final List<String> TABLES = List.of("inventory_logs", "order_status_history");
    /** Default number of months after the current one that get a partition ahead of time: {@value}. */
    public static final int DEFAULT_MONTHS_AHEAD = 3;
    /** Default {@code lock_timeout} of each locking step: 2 seconds. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);
    /** Default attempts of each locking step before {@code LOCK_TIMEOUT}: {@value}. */
    public static final int DEFAULT_ATTEMPTS = 10;
    /** The oldest TechZone migration version whose ledgers this converts: {@value}. */
    public static final String MINIMUM_VERSION = "9";

    /** One ledger: its table, the table its foreign key references, and its columns as the migrations made them. */
    record Ledger(String table, String referenced, List<String> columns, List<String> indexKeys) {
    }

    static final List<Ledger> LEDGERS = List.of(
            new Ledger("inventory_logs", "products", List.of("id uuid", "product_id uuid", "change int4", "reason text",
                    "stock_after int4", "order_id uuid", "note text", "created_by uuid", "created_at timestamptz",
                    "seq int8"), List.of("product_date", "created_at")),
            new Ledger("order_status_history", "orders", List.of("id uuid", "order_id uuid", "from_status order_status",
                    "to_status order_status", "changed_by uuid", "note text", "created_at timestamptz", "seq int8",
                    "restocked bool"), List.of("order_id")));

    private final DataSource dataSource;
    private final String schema;
    private final String historyTable;
    private final Duration lockTimeout;
    private final int attempts;
    private final int monthsAhead;
    private final boolean defaultPartition;

    private LedgerPartitioning(Builder builder) {
        this.dataSource = builder.dataSource;
        this.schema = builder.schema;
        this.historyTable = builder.historyTable;
        this.lockTimeout = builder.lockTimeout;
        this.attempts = builder.attempts;
        this.monthsAhead = builder.monthsAhead;
        this.defaultPartition = builder.defaultPartition;
    }

    /**
     * Starts a configuration for the given data source.
     *
     * @param dataSource the database holding the migrated TechZone schema, as the tables' owner
     * @throws NullPointerException if dataSource is null
     */
    public static Builder configure(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Converts the ledgers that are still plain tables (see the class comment), then does what
     * {@link #createPartitionsAhead()} does. Idempotent: on partitioned ledgers with their partitions in
     * place it changes nothing. Refuses, before changing anything, a schema below version
     * {@value #MINIMUM_VERSION} or a ledger whose columns differ from the migrations'.
     *
     * @return the tables converted, the partitions created and the longest blocking lock held
     * @throws LedgerPartitioningException {@code NOT_MIGRATED}, {@code UNEXPECTED_LAYOUT},
     *     {@code LOCK_TIMEOUT}, {@code DEFAULT_PARTITION_ROWS}, {@code PARTITION_NAME_TAKEN} or {@code ERROR}
     *     (see its Javadoc and {@link #createPartitionsAhead()}); steps
     *     completed before a failure stay, and the next call resumes
     */
    public PartitioningResult convert() {
        return run(true);
    }

    /**
     * Creates the missing monthly partitions of the partitioned ledgers, from the current month (UTC)
     * to {@link Builder#monthsAhead} months after it, and the default partition if one was asked for
     * ({@link Builder#defaultPartition}) and is missing. Each
     * partition is created empty and attached ({@code ATTACH PARTITION}: SHARE UPDATE EXCLUSIVE on the
     * ledger, so inserts and reads go on; SHARE ROW EXCLUSIVE on the referenced table for the foreign
     * key's triggers; with a default partition, a scan of it under ACCESS EXCLUSIVE, short while it is empty).
     * Then it runs {@code ANALYZE} on each partitioned ledger that it converted or gave a partition, or
     * that has no statistics as a whole yet: autovacuum never analyzes a partitioned table, and the
     * planner's statistics of the ledger as a whole come only from that. A call with nothing to do
     * reads and writes nothing, so running it at every application start costs a few catalog reads.
     * Idempotent; a ledger that is not partitioned is left alone. Run it at least monthly.
     *
     * @return the partitions created (empty when none was missing) and the longest blocking lock held
     * @throws LedgerPartitioningException {@code LOCK_TIMEOUT}, {@code DEFAULT_PARTITION_ROWS} (the default
     *     partition holds rows of a month to create: see docs/schema.md), {@code PARTITION_NAME_TAKEN} (a
     *     detached partition's table could not be attached again) or {@code ERROR}. The two refusals
     *     concern one partition each: every other missing partition of both ledgers is still created
     *     first, and the message names them; the first refusal gives the code, the others are suppressed
     */
    public PartitioningResult createPartitionsAhead() {
        return run(false);
    }

    /** The schema this works on. */
    public String schema() {
        return schema;
    }

    private PartitioningResult run(boolean convert) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                LedgerConversion conversion = new LedgerConversion(c, schema, historyTable, lockTimeout, attempts);
                List<String> converted = new ArrayList<>();
                if (convert) {
                    List<Ledger> plain = new ArrayList<>();
                    for (Ledger ledger : LEDGERS) {
                        if (!conversion.isPartitioned(ledger)) {
                            plain.add(ledger);
                        }
                    }
                    if (!plain.isEmpty()) {
                        conversion.requireMigrated();
                        for (Ledger ledger : plain) {
                            conversion.requireColumns(ledger);
                        }
                    }
                    for (Ledger ledger : plain) {
                        conversion.convert(ledger, parentDdl(ledger));
                        converted.add(ledger.table());
                    }
                }
                YearMonth current = YearMonth.from(conversion.now().withOffsetSameInstant(ZoneOffset.UTC));
                for (Ledger ledger : LEDGERS) {
                    if (conversion.isPartitioned(ledger)) {
                        conversion.createMonths(ledger, current, current.plusMonths(monthsAhead));
                        if (defaultPartition) {
                            conversion.ensureDefault(ledger);
                        }
                        boolean changed = converted.contains(ledger.table())
                                || conversion.created().stream().anyMatch(p -> p.startsWith(ledger.table() + "_p"));
                        if (changed || !conversion.hasStatistics(ledger)) {
                            conversion.analyze(ledger);
                        }
                    }
                }
                if (!conversion.refused().isEmpty()) {
                    throw refusal(conversion.refused(), conversion.created());
                }
                return new PartitioningResult(schema, converted, conversion.created(), conversion.longestLock(),
                        conversion.retries());
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new LedgerPartitioningException("Could not partition the TechZone ledgers in \"" + schema + "\": "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + ")", "ERROR", e, e.getSQLState());
        }
    }

    /**
     * The first refused partition's exception (its code and cause), its message followed by the other
     * refusals' and by what was still created; the others are attached as suppressed.
     */
    private static LedgerPartitioningException refusal(List<LedgerPartitioningException> refused, List<String> created) {
        LedgerPartitioningException first = refused.get(0);
        StringBuilder message = new StringBuilder(first.getMessage());
        for (LedgerPartitioningException other : refused.subList(1, refused.size())) {
            message.append(". Also: ").append(other.getMessage());
        }
        message.append(created.isEmpty() ? ". No other partition was missing"
                : ". The other missing partitions were created: " + String.join(", ", created));
        LedgerPartitioningException e = new LedgerPartitioningException(message.toString(), first.errorCode(),
                first.getCause(), first.sqlState().orElse(null));
        refused.subList(1, refused.size()).forEach(e::addSuppressed);
        return e;
    }

    private String parentDdl(Ledger ledger) {
        String resource = "partitioning/" + ledger.table() + ".sql";
        try (InputStream in = LedgerPartitioning.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("techzone-migrations lacks its resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fluent configuration; {@link #load()} turns it into an immutable {@link LedgerPartitioning}. */
    public static final class Builder {

        private final DataSource dataSource;
        private String schema = TechzoneMigrations.DEFAULT_SCHEMA;
        private String historyTable = TechzoneMigrations.DEFAULT_HISTORY_TABLE;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private int attempts = DEFAULT_ATTEMPTS;
        private int monthsAhead = DEFAULT_MONTHS_AHEAD;
        private boolean defaultPartition;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The schema holding the TechZone tables (default: {@value TechzoneMigrations#DEFAULT_SCHEMA}).
         *
         * @throws IllegalArgumentException unless it is a lower-case SQL identifier of at most 63 characters
         */
        public Builder schema(String schema) {
            this.schema = Identifiers.require("schema", schema);
            return this;
        }

        /**
         * The TechZone Flyway history table, read to check the version (default:
         * {@value TechzoneMigrations#DEFAULT_HISTORY_TABLE}).
         *
         * @throws IllegalArgumentException unless it is a lower-case SQL identifier of at most 63 characters
         */
        public Builder historyTable(String historyTable) {
            this.historyTable = Identifiers.require("historyTable", historyTable);
            return this;
        }

        /**
         * How long each locking step waits for its lock before giving up and retrying (default 2 s): the
         * longest a statement of the shop can queue behind it. The switch, which takes two locks, waits for
         * each at most 40% of the server's {@code deadlock_timeout} (400 ms by default) if that is less, so
         * it is always the one to give up when it closes a lock cycle with a statement of the shop.
         *
         * @throws IllegalArgumentException unless between 1 ms and 1 minute
         */
        public Builder lockTimeout(Duration lockTimeout) {
            if (lockTimeout == null || lockTimeout.toMillis() < 1 || lockTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("lockTimeout must be between 1 ms and 1 minute, got: " + lockTimeout);
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * How often a locking step is tried before {@code LOCK_TIMEOUT} (default {@value LedgerPartitioning#DEFAULT_ATTEMPTS}).
         *
         * @throws IllegalArgumentException unless between 1 and 100
         */
        public Builder attempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("attempts must be between 1 and 100, got: " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /**
         * How many months after the current one (UTC) get a partition ahead of time (default
         * {@value LedgerPartitioning#DEFAULT_MONTHS_AHEAD}).
         *
         * @throws IllegalArgumentException unless between 1 and 24
         */
        public Builder monthsAhead(int monthsAhead) {
            if (monthsAhead < 1 || monthsAhead > 24) {
                throw new IllegalArgumentException("monthsAhead must be between 1 and 24, got: " + monthsAhead);
            }
            this.monthsAhead = monthsAhead;
            return this;
        }

        /**
         * Whether each ledger gets a default partition {@code <table>_p_default} (default: false). It
         * catches the rows of a month without a partition, so a missed maintenance cannot fail an insert
         * (the health check reports rows there); the price: PostgreSQL refuses {@code DETACH PARTITION
         * ... CONCURRENTLY} on a table with a default partition, so archiving takes an ACCESS EXCLUSIVE
         * lock on the ledger, and each new partition's attach scans the default partition. Without it, an
         * insert into a month without a partition fails: keep {@link #createPartitionsAhead()} scheduled
         * (the health check warns while next month has no partition).
         */
        public Builder defaultPartition(boolean defaultPartition) {
            this.defaultPartition = defaultPartition;
            return this;
        }

        /** The immutable partitioning object; nothing touches the database yet. */
        public LedgerPartitioning load() {
            return new LedgerPartitioning(this);
        }
    }
}
