package com.techzone.core;

import com.techzone.TechzoneException;
import java.util.UUID;

/**
 * An optimistic-lock update found that someone else changed the row since the caller read it: the
 * version the caller expected is not the current one. Re-read the row and apply the change again.
 */
public class StaleVersionException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final UUID id;
    private final int expectedVersion;
    private final int actualVersion;

    /**
     * @param entity the kind of row ("product")
     * @param id its id
     * @param expectedVersion the version the caller read
     * @param actualVersion the version the row has now
     */
    public StaleVersionException(String entity, UUID id, int expectedVersion, int actualVersion) {
        super(entity + " " + id + " was changed by someone else: expected version " + expectedVersion
                + ", found " + actualVersion + "; re-read it and apply the change again");
        this.entity = entity;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** The kind of row, e.g. {@code "product"}. */
    public String entity() {
        return entity;
    }

    /** The id of the row. */
    public UUID id() {
        return id;
    }

    /** The version the caller expected to update. */
    public int expectedVersion() {
        return expectedVersion;
    }

    /** The version the row has now. */
    public int actualVersion() {
        return actualVersion;
    }
}
