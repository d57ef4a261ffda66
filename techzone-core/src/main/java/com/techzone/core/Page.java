package com.techzone.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing. Pass {@link #nextCursor()} back to the same listing to
 * get the following page; it is opaque, stable under inserts (no row is skipped or repeated
 * because rows were added before it) and valid only for the listing that produced it.
 *
 * @param items the rows of this page, in the listing's order; never null, at most the page size
 * @param nextCursor the cursor of the next page, or null if this is the last page
 * @param <T> the row type
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** The largest page size any listing accepts. */
    public static final int MAX_PAGE_SIZE = 500;

    /** Copies {@code items}. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** The cursor of the next page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /** Whether a following page may hold rows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
