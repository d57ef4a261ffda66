package com.techzone.core.internal;

import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.InvalidInputException;
import com.techzone.core.SchemaNotMigratedException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The one place that decides which schema this library's SQL reaches: a Jdbi seen through one
 * facade's schema.
 *
 * <p><b>How SQL is written.</b> Every table and type of ours is written {@code <schema>.name} in
 * the SQL text, e.g. {@code SELECT * FROM <schema>.products WHERE id = :id} or
 * {@code :status::<schema>.order_status}. Temporary tables, functions of {@code pg_catalog} and
 * column names stay unqualified.
 *
 * <p><b>How it reaches the database.</b> A {@link SchemaEngine} per schema replaces
 * {@value #PLACEHOLDER} with the schema name. It is set as the template engine only of the
 * statements this library runs: in the configuration copy its DAOs run with ({@link SharedExtensions}),
 * on the handles its workflows open, and on a host's handle only for the duration of one workflow,
 * after which the handle gets its own engine back. Nothing is defined or replaced on the host's
 * {@link Jdbi}, so two facades with
 * different schemas over one host Jdbi do not see each other, and the host's own templates and
 * attributes (even one named {@code schema}) are untouched. Jdbi caches parsed templates by (engine, text), and the engine's parse result is the
 * finished SQL: per call that is one cache hit, no string building, and no extra round trip (no
 * {@code SET search_path}).
 */
public final class SchemaJdbi {

    /**
     * What {@code Techzone} installs into every Jdbi it runs DAOs on: an extension factory for a
     * type of this package only, which lets a shared SqlObject run on a handle ({@link SharedExtensions}).
     */
    public static final JdbiPlugin PLUGIN = SharedExtensions.PLUGIN;

    /** What stands for the schema in the SQL text. */
    public static final String PLACEHOLDER = "<schema>";

    /** The tables the facade needs; {@link #verify()} checks them. A new table of a later migration goes here. */
    static final List<String> TABLES = List.of("users", "categories", "products", "services", "cart_items", "orders",
            "order_items", "order_status_history", "inventory_logs", "reviews", "bookings", "contacts", "sales_reports");

    /** The identifier rule of the migrations: plain lower case, safe in SQL without quotes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Jdbi jdbi;
    private final String schema;
    private final SchemaEngine engine;
    /** Whether {@link #verify()} found the tables; read once per call until then (a volatile read after). */
    private volatile boolean verified;
    /** Made on first use: {@link #shared()}. */
    private volatile SharedExtensions shared;

    private SchemaJdbi(Jdbi jdbi, String schema, Runnable onWrite) {
        this.jdbi = jdbi;
        this.schema = schema;
        this.engine = new SchemaEngine(schema + ".", onWrite);
    }

    /**
     * @throws InvalidInputException unless {@code schema} is a lower-case SQL identifier of at most 63 characters
     */
    public static SchemaJdbi of(Jdbi jdbi, String schema) {
        return of(jdbi, schema, null);
    }

    /**
     * As {@link #of(Jdbi, String)}, and {@code onWrite} runs on the calling thread just before each
     * statement of this library that may write ({@link SchemaEngine#writes}) is sent: the
     * read-your-writes window of {@link ReadRouting}. Null: nothing runs.
     */
    public static SchemaJdbi of(Jdbi jdbi, String schema, Runnable onWrite) {
        return new SchemaJdbi(Checks.notNull("jdbi", jdbi), requireIdentifier(schema), onWrite);
    }

    /** Returns {@code schema} if it follows the identifier rule of the migrations. */
    public static String requireIdentifier(String schema) {
        Checks.notNull("schema", schema);
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new InvalidInputException("schema", "must be a lower-case SQL identifier (letters, digits, "
                    + "underscores; at most 63 characters), was '" + schema + "'");
        }
        return schema;
    }

    /** The host's (or the facade's own) Jdbi, unchanged. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The schema name. */
    public String schema() {
        return schema;
    }

    /**
     * Checks, in one query, that the schema holds {@link #TABLES}. When the database cannot be
     * reached now, the check runs on the first handle a call of the facade gets instead.
     *
     * @throws SchemaNotMigratedException naming the schema and the missing tables
     * @throws com.techzone.TechzoneException for any other failure of the check but an unreachable database
     */
    public void verify() {
        try {
            jdbi.useHandle(this::verify);
        } catch (RuntimeException e) {
            RuntimeException translated = Errors.translate(e);
            if (!(translated instanceof DatabaseUnavailableException)) {
                throw translated;
            }
        }
    }

    private void verify(Handle handle) {
        List<String> missing = handle.createQuery("""
                        SELECT t.name
                        FROM unnest(CAST(:tables AS text[])) WITH ORDINALITY AS t(name, n)
                        WHERE to_regclass(format('%I.%I', CAST(:schema AS text), t.name)) IS NULL
                        ORDER BY t.n""")
                .bindArray("tables", String.class, TABLES)
                .bind("schema", schema)
                .mapTo(String.class)
                .list();
        if (!missing.isEmpty()) {
            throw new SchemaNotMigratedException(schema, missing);
        }
        verified = true;
    }

    /** Runs {@code callback} on a new handle whose statements reach this schema. */
    public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
        return jdbi.withHandle(h -> callback.withHandle(bind(h)));
    }

    /** Runs {@code callback} in a new transaction on a new handle whose statements reach this schema. */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
        return jdbi.inTransaction(h -> callback.withHandle(bind(h)));
    }

    /**
     * Runs {@code callback} on the host's {@code handle} with this schema's engine, and gives the
     * handle its own engine back afterwards.
     */
    public <R, X extends Exception> R onHostHandle(Handle handle, HandleCallback<R, X> callback) throws X {
        if (!verified) {
            verify(handle);
        }
        SqlStatements statements = handle.getConfig(SqlStatements.class);
        TemplateEngine before = statements.getTemplateEngine();
        if (engine.equals(before)) {
            return callback.withHandle(handle);
        }
        statements.setTemplateEngine(engine);
        try {
            return callback.withHandle(handle);
        } finally {
            statements.setTemplateEngine(before);
        }
    }

    /**
     * A SqlObject bound to the host's {@code handle}, reaching this schema: the schema's shared
     * extension of {@code type} ({@link SharedExtensions}) run on that handle. The handle's own
     * configuration is not changed.
     */
    public <T> T attach(Handle handle, Class<T> type) {
        if (!verified) {
            verify(handle);
        }
        SharedExtensions shared = shared();
        shared.extension(type);
        HandleSupplier supplier = SharedExtensions.supplierOf(handle);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(type, proxy, method, args);
            }
            return shared.call(supplier, type, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /**
     * A SqlObject whose every call opens a handle, runs the schema's shared extension of
     * {@code type} ({@link SharedExtensions}) on it and closes it, as {@link Jdbi#onDemand} does
     * without attaching per call; a returned {@link Stream} keeps its handle until it is closed.
     */
    public <T> T onDemand(Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(type, proxy, method, args);
            }
            return invokeOnDemand(type, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object invokeOnDemand(Class<?> type, Method method, Object[] args) {
        SharedExtensions shared = shared();
        Handle handle = jdbi.open();
        boolean handedOver = false;
        try {
            if (!verified) {
                verify(handle);
            }
            Object result = shared.call(SharedExtensions.supplierOf(handle), type, method, args);
            if (result instanceof Stream<?> stream) {
                handedOver = true;
                return stream.onClose(handle::close);
            }
            return result;
        } finally {
            if (!handedOver) {
                handle.close();
            }
        }
    }

    /**
     * The schema's shared extensions, made on first use: their configuration is the Jdbi's as it is
     * then (the facade has installed its plugins and mappers by that time), with this schema's
     * engine set in the copy only.
     */
    private SharedExtensions shared() {
        SharedExtensions made = shared;
        if (made == null) {
            synchronized (this) {
                made = shared;
                if (made == null) {
                    ConfigRegistry config = jdbi.getConfig().createCopy();
                    config.get(SqlStatements.class).setTemplateEngine(engine);
                    made = new SharedExtensions(jdbi, config);
                    shared = made;
                }
            }
        }
        return made;
    }

    private Object objectMethod(Class<?> type, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> type.getName() + " on schema " + schema;
        };
    }

    private Handle bind(Handle handle) {
        if (!verified) {
            verify(handle);
        }
        return handle.setTemplateEngine(engine);
    }

    @Override
    public String toString() {
        return "SchemaJdbi[" + schema + "]";
    }

    /**
     * Replaces {@value #PLACEHOLDER} with {@code prefix}. Equal for equal schemas (and the same
     * {@code onWrite}, null unless the facade has read replicas), so facades of one schema share
     * Jdbi's template cache entries. Whether a statement writes is decided once per template, when
     * Jdbi parses it; running {@code onWrite} is then the only cost per statement.
     */
    record SchemaEngine(String prefix, Runnable onWrite) implements TemplateEngine.Parsing {

        /** A statement that reads only: starts with SELECT/VALUES/TABLE/SHOW/EXPLAIN (a SELECT ... FOR UPDATE locks, it does not write). */
        private static final Pattern READ = Pattern.compile("(?is)(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/|\\()*(?:select|values|table|show|explain)\\b.*");
        /** A data-modifying word in a WITH query. */
        private static final Pattern DML = Pattern.compile("(?i)\\b(?:insert|update|delete|merge)\\b");

        /**
         * Whether {@code sql} may write: anything but a plain read ({@link #READ}); a WITH query only
         * if it names INSERT, UPDATE, DELETE or MERGE. In doubt it counts as a write, which only keeps
         * more reads on the primary.
         */
        static boolean writes(String sql) {
            if (READ.matcher(sql).matches()) {
                return false;
            }
            String start = sql.stripLeading();
            return !start.regionMatches(true, 0, "with", 0, 4) || DML.matcher(start).find();
        }

        String render(String template) {
            return template.replace(PLACEHOLDER + ".", prefix);
        }

        @Override
        public String render(String template, StatementContext ctx) {
            return render(template);
        }

        @Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            String sql = render(template);
            if (onWrite != null && writes(sql)) {
                return Optional.of(ctx -> {
                    onWrite.run();
                    return sql;
                });
            }
            return Optional.of(ctx -> sql);
        }
    }
}
