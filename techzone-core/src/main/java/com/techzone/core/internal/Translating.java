package com.techzone.core.internal;

import com.techzone.core.InvalidInputException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a Jdbi SqlObject so that whatever its methods throw reaches the caller as our exceptions,
 * and text arguments PostgreSQL cannot store (a NUL character) are refused by parameter name
 * before the driver sees them.
 */
public final class Translating {

    private Translating() {
    }

    /** Returns {@code type} if it is a public interface; its methods must be callable through a proxy. */
    public static <T> Class<T> requirePublic(Class<T> type) {
        if (!type.isInterface() || !java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " must be a public interface to be used as a DAO");
        }
        return type;
    }

    public static <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        refuseNul(method, args);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? Errors.translate(runtime) : cause;
        }
    }

    /** PostgreSQL text cannot hold U+0000; the driver would refuse it without saying which argument. */
    private static void refuseNul(Method method, Object[] args) {
        if (args == null) {
            return;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String text && text.indexOf('\0') >= 0) {
                throw new InvalidInputException(method.getParameters()[i].getName(), "must not contain NUL characters");
            }
        }
    }
}
