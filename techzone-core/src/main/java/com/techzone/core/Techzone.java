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
import com.techzone.core.internal.RecordMappers;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.internal.Translating;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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

    private final SchemaJdbi schemaJdbi;
    private final Jdbi jdbi;
    private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();

    private Techzone(SchemaJdbi schemaJdbi) {
        this.schemaJdbi = schemaJdbi;
        this.jdbi = schemaJdbi.jdbi();
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
     * Jdbi, and the host's own statements, templates and defined attributes are not changed.
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
     * @throws IllegalArgumentException if {@code daoType} is not a public interface
     */
    public <T> T dao(Class<T> daoType) {
        Objects.requireNonNull(daoType, "daoType");
        return daoType.cast(daos.computeIfAbsent(daoType,
                type -> Translating.wrap(daoType, schemaJdbi.onDemand(Translating.requirePublic(daoType)))));
    }

    /**
     * A DAO bound to the host's {@code handle}: its calls run on that connection, inside the host's
     * transaction if one is open, and are committed or rolled back with it. Valid while the handle
     * is open.
     */
    public <T> T attach(Handle handle, Class<T> daoType) {
        return Translating.wrap(daoType, schemaJdbi.attach(Objects.requireNonNull(handle, "handle"), Translating.requirePublic(daoType)));
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
        return new ProductImport(schemaJdbi);
    }

    /** Stock changes with their ledger rows. */
    public Inventory inventory() {
        return new Inventory(schemaJdbi);
    }

    /** Cart to order. */
    public Checkout checkout() {
        return new Checkout(schemaJdbi);
    }

    /** Order status moves, cancellation and refund. */
    public OrderLifecycle orderLifecycle() {
        return new OrderLifecycle(schemaJdbi);
    }

    /** Accounts with passwords hashed by a default {@link PasswordHasher}. */
    public Accounts accounts() {
        return accounts(new PasswordHasher());
    }

    /** Accounts with passwords hashed by {@code hasher}. */
    public Accounts accounts(PasswordHasher hasher) {
        return new Accounts(schemaJdbi, Objects.requireNonNull(hasher, "hasher"));
    }

    /**
     * Configuration of a {@link Techzone}; {@link #build()} turns it into the immutable facade.
     * Not thread-safe; build once at start-up.
     */
    public static final class Builder {

        private final Jdbi jdbi;
        private String schema = DEFAULT_SCHEMA;

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
         * Installs the plugins and mappers into the Jdbi and checks, in one query, that the schema
         * holds the TechZone tables. If the database cannot be reached now (a host starting before
         * its database), the facade is built and the check runs on the first call that reaches the
         * database instead, which then throws the same exception.
         *
         * @throws SchemaNotMigratedException naming the schema, the missing tables and the fix
         */
        public Techzone build() {
            SchemaJdbi schemaJdbi = SchemaJdbi.of(jdbi, schema);
            schemaJdbi.verify();
            jdbi.installPlugin(new SqlObjectPlugin());
            jdbi.installPlugin(new PostgresPlugin());
            jdbi.registerArgument(EnumSupport.arguments());
            jdbi.registerColumnMapper(EnumSupport.columns());
            jdbi.registerRowMapper(RecordMappers.of(RECORDS));
            return new Techzone(schemaJdbi);
        }
    }
}
