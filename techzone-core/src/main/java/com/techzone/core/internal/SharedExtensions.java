package com.techzone.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.extension.NoSuchExtensionException;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * The SqlObjects of one schema, each attached once and shared by every call and thread.
 *
 * <p>Why: attaching a SqlObject ({@code handle.attach}, and {@code Jdbi.onDemand} on every call)
 * builds a handler with its own configuration copy for every method of the interface; that was most
 * of a DAO call's client time. Here each type is attached once, to this {@link HandleSupplier},
 * which hands the extension the handle the calling thread runs the call on ({@link #call}). The
 * extension's configuration is a copy of the Jdbi's, taken when this object is made, with the
 * schema's template engine set in it: the Jdbi and the handles keep their own configuration.
 *
 * <p>A call binds the handle through Jdbi's own supplier for that handle (obtained with the
 * {@link #PLUGIN}'s extension factory, public API), so the method's configuration is pushed onto
 * the handle for the call exactly as {@code handle.attach} does.
 */
final class SharedExtensions implements HandleSupplier {

    /**
     * Installs the factory that hands out Jdbi's {@link HandleSupplier} of a handle; it accepts only
     * a type of this class, so it adds nothing the host can see.
     */
    static final JdbiPlugin PLUGIN = new SupplierPlugin();

    private static final ExtensionFactory SUPPLIER_FACTORY = new SupplierFactory();

    private final Jdbi jdbi;
    private final ConfigRegistry config;
    private final ThreadLocal<HandleSupplier> current = new ThreadLocal<>();
    private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();

    /** @param config the configuration the extensions run with (a copy this object owns) */
    SharedExtensions(Jdbi jdbi, ConfigRegistry config) {
        this.jdbi = jdbi;
        this.config = config;
    }

    /** The extension of {@code type}, attached on first use. */
    Object extension(Class<?> type) {
        return extensions.computeIfAbsent(type, t -> config.get(Extensions.class).findFor(t, this)
                .orElseThrow(() -> new NoSuchExtensionException(t)));
    }

    /**
     * Calls {@code method} of the shared {@code type} extension on the handle of {@code supplier}
     * ({@link #supplierOf}), rethrowing what the method threw. Nests: a call made from inside
     * another (a sink of an export calling a DAO) runs on its own handle and gives the outer call its
     * handle back.
     */
    Object call(HandleSupplier supplier, Class<?> type, Method method, Object[] args) {
        Object extension = extension(type);
        HandleSupplier outer = current.get();
        current.set(supplier);
        try {
            return method.invoke(extension, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("DAO method " + method.getName() + " threw a checked exception", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("DAO method " + method.getName() + " is not accessible", e);
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** Jdbi's own supplier for {@code handle}; a handle opened before the plugin was installed gets the factory now. */
    static HandleSupplier supplierOf(Handle handle) {
        try {
            return handle.attach(SupplierOf.class).supplier();
        } catch (NoSuchExtensionException e) {
            handle.registerExtension(SUPPLIER_FACTORY);
            return handle.attach(SupplierOf.class).supplier();
        }
    }

    private HandleSupplier bound() {
        HandleSupplier supplier = current.get();
        if (supplier == null) {
            throw new IllegalStateException("A shared SqlObject was called outside SharedExtensions.call");
        }
        return supplier;
    }

    @Override
    public Handle getHandle() {
        return bound().getHandle();
    }

    @Override
    public Jdbi getJdbi() {
        return jdbi;
    }

    @Override
    public ConfigRegistry getConfig() {
        return config;
    }

    @Override
    public <V> V invokeInContext(ExtensionContext extensionContext, Callable<V> task) throws Exception {
        return bound().invokeInContext(extensionContext, task);
    }

    /** What {@link SupplierFactory} attaches: the supplier Jdbi made for the handle. */
    interface SupplierOf {
        HandleSupplier supplier();
    }

    private static final class SupplierFactory implements ExtensionFactory {

        /** Jdbi calls {@link #attach} directly, without its proxy: this runs on every DAO call. */
        private static final Set<FactoryFlag> FLAGS = Collections.unmodifiableSet(EnumSet.of(FactoryFlag.DONT_USE_PROXY));

        @Override
        public boolean accepts(Class<?> extensionType) {
            return extensionType == SupplierOf.class;
        }

        @Override
        public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
            SupplierOf supplierOf = () -> handleSupplier;
            return extensionType.cast(supplierOf);
        }

        @Override
        public Set<FactoryFlag> getFactoryFlags() {
            return FLAGS;
        }
    }

    private static final class SupplierPlugin extends JdbiPlugin.Singleton {
        @Override
        public void customizeJdbi(Jdbi jdbi) {
            jdbi.registerExtension(SUPPLIER_FACTORY);
        }
    }
}
