package com.techzone.core;

import com.techzone.core.booking.Booking;
import com.techzone.core.booking.BookingDao;
import com.techzone.core.cart.CartDao;
import com.techzone.core.cart.CartItem;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.catalog.ProductImport;
import com.techzone.core.catalog.Service;
import com.techzone.core.catalog.ServiceDao;
import com.techzone.core.contact.ContactDao;
import com.techzone.core.contact.ContactMessage;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.EnumSupport;
import com.techzone.core.internal.ReadRouting;
import com.techzone.core.internal.RecordMappers;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Translating;
import com.techzone.core.internal.workflow.DefaultAccounts;
import com.techzone.core.internal.workflow.DefaultOrderLifecycle;
import com.techzone.core.internal.workflow.DefaultCheckout;
import com.techzone.core.internal.workflow.DefaultInventory;
import com.techzone.core.internal.workflow.DefaultProductImport;
import com.techzone.core.internal.dao.SqlObjects;
import com.techzone.core.inventory.Inventory;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryLogDao;
import com.techzone.core.order.Checkout;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderDao;
import com.techzone.core.order.OrderItem;
import com.techzone.core.order.OrderItemDao;
import com.techzone.core.order.OrderLifecycle;
import com.techzone.core.order.OrderStatusChange;
import com.techzone.core.order.OrderStatusHistoryDao;
import com.techzone.core.report.DashboardCounts;
import com.techzone.core.report.SalesReport;
import com.techzone.core.report.SalesReportDao;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.Review;
import com.techzone.core.review.ReviewDao;
import com.techzone.core.user.Accounts;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.User;
import com.techzone.core.user.UserDao;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The entry point: one per application, built once from a {@link DataSource} (pool it, e.g. with
 * {@link TechzonePool}) or from a {@link Jdbi} the host already has. It installs what the schema
 * needs into that Jdbi (the SqlObject and PostgreSQL plugins, the mapping of the library's enums to
 * the database labels, record mappers) and hands out the DAOs and workflows. Immutable and
 * thread-safe; DAOs it returns are thread-safe too (each call takes a connection for its duration).
 *
 * <pre>{@code
 * Techzone techzone = Techzone.configure(dataSource).schema("shop").build();   // or Techzone.create(dataSource): public
 * }</pre>
 *
 * <p>Every statement names the facade's schema ({@code shop.products}), so the connection's
 * {@code search_path} and the host's own tables of the same names do not matter; the schema is
 * the facade's, not the Jdbi's, so facades of several schemas can share one Jdbi.
 *
 * <p>Every DAO method and workflow throws {@link com.techzone.TechzoneException} subtypes, never
 * Jdbi's or the driver's exceptions: see {@link ConstraintViolationException},
 * {@link InvalidInputException}, {@link NotFoundException}, {@link StaleVersionException},
 * {@link ConcurrencyFailureException} and the domain exceptions of each package.
 *
 * <p>With {@link Builder#readReplicas read replicas}, the DAO methods marked {@link ReplicaRead} run
 * on a replica when its lag allows and the calling thread has not just written; everything else,
 * workflows included, runs on the primary.
 *
 * <p>To run DAO calls inside the host's own transaction, open it on {@link #jdbi()} and
 * {@link #attach(Handle, Class) attach} the DAOs to its handle; the workflows take a {@link Handle}
 * for the same purpose.
 */
public final class Techzone {

    private static final List<Class<?>> RECORDS = List.of(Category.class, Product.class, Service.class,
            CartItem.class, Order.class, OrderItem.class, OrderStatusChange.class, OrderDao.StatusCount.class,
            InventoryLog.class, User.class, Review.class, RatingSummary.class, Booking.class, ContactMessage.class,
            SalesReport.class, DashboardCounts.class);

    /** The schema {@link #create} uses: {@value}. */
    public static final String DEFAULT_SCHEMA = "public";

    /** The replay lag beyond which a read replica is skipped, unless {@link Builder#maxReplicaLag} says otherwise: 5 s. */
    public static final Duration DEFAULT_MAX_REPLICA_LAG = Duration.ofSeconds(5);

    /** How long a replica's measured lag is trusted, unless {@link Builder#replicaCheckInterval} says otherwise: 500 ms. */
    public static final Duration DEFAULT_REPLICA_CHECK_INTERVAL = Duration.ofMillis(500);

    private final SchemaJdbi schemaJdbi;
    private final Jdbi jdbi;
    /** Null without read replicas. */
    private final ReadRouting routing;
    private final List<SchemaJdbi> replicas;
    private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();

    private Techzone(SchemaJdbi schemaJdbi, ReadRouting routing, List<SchemaJdbi> replicas) {
        this.schemaJdbi = schemaJdbi;
        this.jdbi = schemaJdbi.jdbi();
        this.routing = routing;
        this.replicas = replicas;
    }

    /**
     * A facade over {@code dataSource} (through a new Jdbi) for the schema {@value #DEFAULT_SCHEMA}:
     * shorthand for {@code configure(dataSource).build()}.
     *
     * @param dataSource a pooled data source for a database migrated with {@code TechzoneMigrations}
     * @throws SchemaNotMigratedException if {@value #DEFAULT_SCHEMA} lacks the TechZone tables
     */
    public static Techzone create(DataSource dataSource) {
        return configure(dataSource).build();
    }

    /**
     * A facade over a Jdbi the host already uses, for the schema {@value #DEFAULT_SCHEMA}:
     * shorthand for {@code configure(jdbi).build()}.
     *
     * @throws SchemaNotMigratedException if {@value #DEFAULT_SCHEMA} lacks the TechZone tables
     */
    public static Techzone create(Jdbi jdbi) {
        return configure(jdbi).build();
    }

    /**
     * Starts configuring a facade over {@code dataSource}, through a new Jdbi of its own.
     *
     * <pre>{@code
     * Techzone techzone = Techzone.configure(dataSource).schema("shop").build();
     * }</pre>
     *
     * @param dataSource a pooled data source for a database migrated with {@code TechzoneMigrations}
     */
    public static Builder configure(DataSource dataSource) {
        return new Builder(Jdbi.create(Checks.notNull("dataSource", dataSource)));
    }

    /**
     * Starts configuring a facade over a Jdbi the host already uses. {@link Builder#build()} installs
     * the SqlObject and PostgreSQL plugins and this library's mappers into it; the host's own
     * registrations stay, except for mappers of this library's types. The schema setting is kept by
     * the facade, not by the Jdbi: several facades with different schemas (tenants) can share one
     * Jdbi, and the host's own statements, templates and defined attributes are not changed. The
     * DAOs run with a copy of the Jdbi's configuration taken at the facade's first DAO call (each DAO
     * type is attached once, not per call): configure the Jdbi before that.
     */
    public static Builder configure(Jdbi jdbi) {
        return new Builder(Checks.notNull("jdbi", jdbi));
    }

    /** The schema this facade's DAOs and workflows read and write, e.g. {@code "shop"}. */
    public String schema() {
        return schemaJdbi.schema();
    }

    /** The configured Jdbi, for the host's own queries and transactions. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A DAO of this library (any of the {@code *Dao} interfaces) whose every call takes a pooled
     * connection for its duration and runs in autocommit, or in the method's own transaction where
     * its Javadoc says so.
     *
     * On-demand DAOs are thread-safe, so each type is built once per facade and shared.
     *
     * @throws InvalidInputException naming {@code daoType} if it is null or not a public interface
     *     (one of this library's {@code *Dao} interfaces, or a SqlObject interface of the host's own)
     */
    public <T> T dao(Class<T> daoType) {
        Checks.notNull("daoType", daoType);
        return daoType.cast(daos.computeIfAbsent(daoType, type -> Translating.wrap(daoType, onDemand(daoType))));
    }

    private <T> T onDemand(Class<T> daoType) {
        Class<? extends T> sqlType = SqlObjects.implementationOf(Translating.requirePublic(daoType));
        T primary = schemaJdbi.onDemand(sqlType);
        if (routing == null) {
            return primary;
        }
        List<T> onReplicas = new ArrayList<>(replicas.size());
        for (SchemaJdbi replica : replicas) {
            onReplicas.add(replica.onDemand(sqlType));
        }
        return routing.onDemand(daoType, primary, onReplicas);
    }

    /**
     * Runs {@code work} with every {@link ReplicaRead} call of the calling thread on the primary:
     * for a request that must see the latest data, e.g. right after a write the host made through
     * its own statements, or a user's page after that user wrote from another server. Nests. Without
     * read replicas it just runs {@code work}.
     *
     * @return what {@code work} returned
     * @throws InvalidInputException naming {@code work} if it is null
     */
    public <T> T onPrimary(Supplier<T> work) {
        Checks.notNull("work", work);
        return routing == null ? work.get() : routing.onPrimary(work);
    }

    /**
     * Sends the calling thread's {@link ReplicaRead} calls to the primary for at least
     * {@code duration} from now (a longer window already open stays): what a write through the
     * facade does by itself, for writes the facade does not see (the host's own statements on
     * {@link #jdbi()}). Without read replicas it does nothing.
     *
     * @throws InvalidInputException if {@code duration} is null or negative
     */
    public void primaryFor(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new InvalidInputException("duration", "must be zero or positive, was " + duration);
        }
        if (routing != null) {
            routing.primaryFor(duration);
        }
    }

    /**
     * A DAO bound to the host's {@code handle}: its calls run on that connection, inside the host's
     * transaction if one is open, and are committed or rolled back with it. Valid while the handle
     * is open.
     *
     * @throws InvalidInputException naming {@code handle} if it is null, or {@code daoType} if it is
     *     null or not a public interface (one of this library's {@code *Dao} interfaces, or a SqlObject
     *     interface of the host's own)
     */
    public <T> T attach(Handle handle, Class<T> daoType) {
        Checks.notNull("handle", handle);
        return Translating.wrap(daoType, schemaJdbi.attach(handle,
                SqlObjects.implementationOf(Translating.requirePublic(Checks.notNull("daoType", daoType)))));
    }

    /** Categories. */
    public CategoryDao categories() {
        return dao(CategoryDao.class);
    }

    /** Products. */
    public ProductDao products() {
        return dao(ProductDao.class);
    }

    /** Services. */
    public ServiceDao services() {
        return dao(ServiceDao.class);
    }

    /** Carts. */
    public CartDao carts() {
        return dao(CartDao.class);
    }

    /** Orders (read; created by {@link #checkout()}, moved by {@link #orderLifecycle()}). */
    public OrderDao orders() {
        return dao(OrderDao.class);
    }

    /** Order lines. */
    public OrderItemDao orderItems() {
        return dao(OrderItemDao.class);
    }

    /** Order status history. */
    public OrderStatusHistoryDao orderHistory() {
        return dao(OrderStatusHistoryDao.class);
    }

    /** The stock ledger (read). */
    public InventoryLogDao inventoryLogs() {
        return dao(InventoryLogDao.class);
    }

    /** Users. */
    public UserDao users() {
        return dao(UserDao.class);
    }

    /** Reviews and rating summaries. */
    public ReviewDao reviews() {
        return dao(ReviewDao.class);
    }

    /** Service bookings. */
    public BookingDao bookings() {
        return dao(BookingDao.class);
    }

    /** Contact-form messages. */
    public ContactDao contacts() {
        return dao(ContactDao.class);
    }

    /** Sales reports and dashboard counts. */
    public SalesReportDao reports() {
        return dao(SalesReportDao.class);
    }

    /** Bulk product import through COPY, with the initial ledger rows; all or nothing. */
    public ProductImport productImport() {
        return new DefaultProductImport(schemaJdbi);
    }

    /** Stock changes with their ledger rows. */
    public Inventory inventory() {
        return new DefaultInventory(schemaJdbi);
    }

    /** Cart to order. */
    public Checkout checkout() {
        return new DefaultCheckout(schemaJdbi);
    }

    /** Order status moves, cancellation and refund. */
    public OrderLifecycle orderLifecycle() {
        return new DefaultOrderLifecycle(schemaJdbi);
    }

    /** Accounts with passwords hashed by a default {@link PasswordHasher}. */
    public Accounts accounts() {
        return accounts(new PasswordHasher());
    }

    /**
     * Accounts with passwords hashed by {@code hasher}.
     *
     * @throws InvalidInputException naming {@code hasher} if it is null
     */
    public Accounts accounts(PasswordHasher hasher) {
        return new DefaultAccounts(schemaJdbi, Checks.notNull("hasher", hasher));
    }

    /**
     * Configuration of a {@link Techzone}; {@link #build()} turns it into the immutable facade.
     * Not thread-safe; build once at start-up.
     */
    public static final class Builder {

        private final Jdbi jdbi;
        private String schema = DEFAULT_SCHEMA;
        private List<DataSource> replicas = List.of();
        private Duration maxReplicaLag = DEFAULT_MAX_REPLICA_LAG;
        private Duration replicaCheckInterval = DEFAULT_REPLICA_CHECK_INTERVAL;

        private Builder(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        /**
         * The schema the TechZone tables live in (default: {@value Techzone#DEFAULT_SCHEMA}): the one
         * given to {@code TechzoneMigrations.configure(dataSource).schema(...)}. Every statement of the
         * facade names it explicitly ({@code shop.products}), whatever the connection's
         * {@code search_path}; the host's tables of the same names in other schemas are never read.
         *
         * @throws InvalidInputException unless it is a lower-case SQL identifier of at most 63 characters
         */
        public Builder schema(String schema) {
            this.schema = SchemaJdbi.requireIdentifier(schema);
            return this;
        }

        /**
         * Streaming replicas of the primary (pooled data sources for the same database) that take the
         * reads which tolerate a few seconds of staleness: the DAO methods marked {@link ReplicaRead}
         * (catalogue listings, reviews and rating summaries, sales reports and the dashboard, stock
         * history). Everything else runs on the primary: writes, lookups by id, and every workflow
         * (checkout, status moves, stock changes, accounts, the import), reads included. A call made
         * more than once runs on the replicas in turn. The rules:
         * <ul>
         *   <li>read-your-writes: after a statement of this facade that may write, the same thread's
         *       reads go to the primary for {@code maxReplicaLag + replicaCheckInterval} (5.5 s by
         *       default), long enough for any replica still in use to have replayed it; for other
         *       requests use {@link Techzone#onPrimary} or {@link Techzone#primaryFor};</li>
         *   <li>a replica whose replay lag exceeds {@link #maxReplicaLag}, or that cannot be reached,
         *       is skipped without an error to the caller (the call runs on another replica or the
         *       primary, also when the replica fails during the call) and used again once a check
         *       finds it back. Lag is measured on the replica, at most once per
         *       {@link #replicaCheckInterval}, by the first read that needs it.</li>
         * </ul>
         * Give a replica's pool a short connection timeout (1-2 s): the check that finds it down waits
         * for it, once per interval. Calling this again replaces the list.
         *
         * @param replicas one or more data sources
         * @throws InvalidInputException if none is given or one is null
         */
        public Builder readReplicas(DataSource... replicas) {
            if (replicas == null || replicas.length == 0) {
                throw new InvalidInputException("replicas", "give at least one data source");
            }
            for (int i = 0; i < replicas.length; i++) {
                Checks.notNull("replicas[" + i + "]", replicas[i]);
            }
            this.replicas = List.of(replicas);
            return this;
        }

        /**
         * The replay lag beyond which a replica gets no reads (default: 5 s,
         * {@link Techzone#DEFAULT_MAX_REPLICA_LAG}). It also bounds staleness: a read on a replica
         * sees every commit older than this plus {@link #replicaCheckInterval}.
         *
         * @throws InvalidInputException if null, zero or negative
         */
        public Builder maxReplicaLag(Duration maxLag) {
            this.maxReplicaLag = positive("maxReplicaLag", maxLag);
            return this;
        }

        /**
         * How long a replica's measured lag and reachability are trusted before the next read checks
         * again (default: 500 ms, {@link Techzone#DEFAULT_REPLICA_CHECK_INTERVAL}): one query per
         * interval and replica, only while reads come.
         *
         * @throws InvalidInputException if null, zero or negative
         */
        public Builder replicaCheckInterval(Duration interval) {
            this.replicaCheckInterval = positive("replicaCheckInterval", interval);
            return this;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new InvalidInputException(name, "must be a positive duration, was " + value);
            }
            return value;
        }

        /**
         * Installs the plugins and mappers into the Jdbi and checks, in one query, that the schema
         * holds the TechZone tables. If the database cannot be reached now (a host starting before
         * its database), the facade is built and the check runs on the first call that reaches the
         * database instead, which then throws the same exception.
         *
         * @throws SchemaNotMigratedException naming the schema, the missing tables and the fix
         */
        public Techzone build() {
            if (replicas.isEmpty()) {
                SchemaJdbi schemaJdbi = SchemaJdbi.of(jdbi, schema);
                schemaJdbi.verify();
                install(jdbi);
                return new Techzone(schemaJdbi, null, List.of());
            }
            List<SchemaJdbi> replicaJdbis = new ArrayList<>(replicas.size());
            for (DataSource replica : replicas) {
                // Checked on its first call instead of here: a replica that is down must not stop the start.
                replicaJdbis.add(SchemaJdbi.of(install(Jdbi.create(replica)), schema));
            }
            ReadRouting routing = new ReadRouting(replicaJdbis, maxReplicaLag, replicaCheckInterval);
            SchemaJdbi schemaJdbi = SchemaJdbi.of(jdbi, schema, routing::markWrite);
            schemaJdbi.verify();
            install(jdbi);
            return new Techzone(schemaJdbi, routing, List.copyOf(replicaJdbis));
        }

        private static Jdbi install(Jdbi jdbi) {
            jdbi.installPlugin(new SqlObjectPlugin());
            jdbi.installPlugin(new PostgresPlugin());
            jdbi.installPlugin(SchemaJdbi.PLUGIN);
            jdbi.registerArgument(EnumSupport.arguments());
            jdbi.registerColumnMapper(EnumSupport.columns());
            jdbi.registerRowMapper(RecordMappers.of(RECORDS));
            return jdbi;
        }
    }
}
