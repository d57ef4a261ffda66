package com.techzone.core.internal;

import com.techzone.core.InvalidInputException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a Jdbi SqlObject so that whatever its methods throw reaches the caller as our exceptions,
 * and arguments SQL would silently misread are refused by parameter name before any SQL runs: a
 * null (a lookup by a null id would just find nothing, an update would do nothing), except for the
 * parameters documented as nullable ({@link #NULLABLE}); text with a NUL character, which PostgreSQL
 * cannot store.
 */
public final class Translating {

    /** The DAO parameters that accept null: a listing's cursor (null: first page), an order's shipping address. */
    static final Set<String> NULLABLE = Set.of("cursor", "shippingAddress");

    private static final Map<Method, Parameter[]> PARAMETERS = new ConcurrentHashMap<>();

    private Translating() {
    }

    /**
     * Returns {@code type} if it is a public interface, whose methods can be called through a proxy.
     *
     * @throws InvalidInputException naming {@code daoType} otherwise
     */
    public static <T> Class<T> requirePublic(Class<T> type) {
        if (!type.isInterface() || !java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
            throw new InvalidInputException("daoType", "must be a public interface (a TechZone *Dao, or a SqlObject "
                    + "interface of your own), was " + type.getName());
        }
        return type;
    }

    public static <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() != Object.class) {
            refuseBadArguments(method, args);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? Errors.translate(runtime) : cause;
        }
    }

    private static void refuseBadArguments(Method method, Object[] args) {
        if (args == null) {
            return;
        }
        // Method.getParameters() copies its array on every call; this runs on every DAO call.
        Parameter[] parameters = PARAMETERS.computeIfAbsent(method, Method::getParameters);
        for (int i = 0; i < args.length; i++) {
            String name = parameters[i].getName();
            if (args[i] == null && !NULLABLE.contains(name)) {
                throw new InvalidInputException(name, "is required");
            }
            // PostgreSQL text cannot hold U+0000; the driver would refuse it without saying which argument.
            if (args[i] instanceof String text && text.indexOf('\0') >= 0) {
                throw new InvalidInputException(name, "must not contain NUL characters");
            }
        }
    }
}
