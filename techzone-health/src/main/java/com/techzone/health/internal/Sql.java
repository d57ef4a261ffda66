package com.techzone.health.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the SQL resource named after a class: {@code <SimpleName>.sql} in the class's package. */
public final class Sql {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Sql() {
    }

    /**
     * The SQL of a check, its first-line purpose comment included (PostgreSQL ignores it).
     *
     * @throws IllegalStateException if the resource is missing: a packaging error
     */
    public static String of(Class<?> owner) {
        return of(owner, owner.getSimpleName());
    }

    /**
     * The SQL resource {@code <name>.sql} in the package of owner, for a class that runs several.
     *
     * @throws IllegalStateException if the resource is missing: a packaging error
     */
    public static String of(Class<?> owner, String baseName) {
        return CACHE.computeIfAbsent(owner.getName() + "/" + baseName, key -> load(owner, baseName + ".sql"));
    }

    private static String load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + owner.getPackageName() + "/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }
}
