package com.techzone.core;

/** The direction of a listing ordered by creation time. Ties are broken by id, the same way. */
public enum SortOrder {
    /** Most recently created first. */
    NEWEST_FIRST,
    /** Oldest first: queues worked from the front. */
    OLDEST_FIRST
}
