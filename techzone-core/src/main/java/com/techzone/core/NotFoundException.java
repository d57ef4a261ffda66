package com.techzone.core;

import com.techzone.TechzoneException;
import java.util.Objects;

/**
 * A row the caller named by its key does not exist (or no longer does). Thrown by workflows and by
 * DAO methods whose contract is "this row must exist"; lookups that may legitimately miss return
 * {@link java.util.Optional} instead.
 */
public class NotFoundException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final transient Object key;

    /**
     * @param entity what was looked for, in domain words ("product", "order")
     * @param key the key it was looked for by; never null
     */
    public NotFoundException(String entity, Object key) {
        super(entity + " " + key + " does not exist");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** What was looked for, e.g. {@code "product"}. */
    public String entity() {
        return entity;
    }

    /** The key it was looked for by, e.g. a {@link java.util.UUID}. */
    public Object key() {
        return key;
    }
}
