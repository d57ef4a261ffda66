package com.techzone.core.internal.dao;

import com.techzone.core.cart.CartDao;
import java.util.Map;
import java.util.Set;

/**
 * Which internal SqlObject type implements each public DAO interface. The public interfaces hold
 * no SQL and no Jdbi annotation, so a caller can reach only the validating methods; the facade
 * attaches the type named here and hands it out as the public one.
 */
public final class SqlObjects {

    private static final Map<Class<?>, Class<?>> IMPLEMENTATIONS = Map.ofEntries(
            Map.entry(CartDao.class, CartSql.class));

    private SqlObjects() {
    }

    /** The SqlObject type implementing {@code api}; {@code api} itself for an interface of the host's own. */
    @SuppressWarnings("unchecked")
    public static <T> Class<? extends T> implementationOf(Class<T> api) {
        return (Class<? extends T>) IMPLEMENTATIONS.getOrDefault(api, api);
    }

    /** The public DAO interfaces of this library. */
    public static Set<Class<?>> apis() {
        return IMPLEMENTATIONS.keySet();
    }
}
