package com.techzone.core.internal;

import com.techzone.core.InvalidInputException;
import com.techzone.core.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination helpers. A cursor is the sort key and id of the last row of a page,
 * base64url-encoded as {@code <uuid>|<key>}; listings fetch one row more than the page size to know
 * whether a next page exists.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * The position after which the next page starts: the last row's sort key (as text, cast in SQL,
     * e.g. {@code :afterKey::timestamptz}) and id. The first page starts after a sentinel that sorts
     * before every row, so one index-friendly row comparison serves every page.
     */
    public record Position(UUID id, String key) {
    }

    private static final UUID MIN_UUID = new UUID(0L, 0L);
    private static final UUID MAX_UUID = new UUID(-1L, -1L);

    /** Before the first row of an ascending timestamp order. */
    public static final Position FIRST_ASC_TIME = new Position(MIN_UUID, "-infinity");
    /** Before the first row of a descending timestamp order. */
    public static final Position FIRST_DESC_TIME = new Position(MAX_UUID, "infinity");
    /** Before the first row of an ascending text order (every text sorts after the empty one). */
    public static final Position FIRST_ASC_TEXT = new Position(MIN_UUID, "");
    /** Before the first row of an ascending order by id only. */
    public static final Position FIRST_ASC_ID = new Position(MIN_UUID, "");

    /** Validates the page size and returns how many rows to fetch (one more than the page). */
    public static int fetchSize(int pageSize) {
        if (pageSize < 1 || pageSize > Page.MAX_PAGE_SIZE) {
            throw new InvalidInputException("pageSize", "must be between 1 and " + Page.MAX_PAGE_SIZE + ", was " + pageSize);
        }
        return pageSize + 1;
    }

    /** Decodes a cursor; {@code first} for a null cursor (the first page). */
    public static Position decode(String cursor, Position first) {
        if (cursor == null) {
            return first;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Position(UUID.fromString(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this listing");
        }
    }

    public static String encode(UUID id, Object key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts the fetched rows to the page size and derives the next cursor from the last row kept. */
    public static <T> Page<T> page(List<T> rows, int pageSize, Function<T, UUID> id, Function<T, Object> key) {
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, pageSize);
        T last = items.get(pageSize - 1);
        return new Page<>(items, encode(id.apply(last), key.apply(last)));
    }
}
