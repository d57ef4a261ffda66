package com.techzone.health;

/** The four groups of checks; a run selects any of them. */
public enum CheckGroup {
    /** A. Schema conformance: the six scored checks, migration state and drift. Catalog only. */
    SCHEMA("A"),
    /** B. Index and schema health, built on pg-index-health. Catalog and statistics only. */
    INDEXES("B"),
    /** C. Operations: connections, queries, locks, vacuum, configuration, security, growth. */
    OPERATIONS("C"),
    /**
     * D. TechZone's own invariants. Unlike the other groups it reads the TechZone tables (set-based,
     * one aggregate query per invariant), so it is not in the default selection.
     */
    DOMAIN("D");

    private final String letter;

    CheckGroup(String letter) {
        this.letter = letter;
    }

    /** The letter health.md uses for the group: A, B, C or D. */
    public String letter() {
        return letter;
    }

    /**
     * The group named by a word (schema, indexes, operations, domain; any case) or by its letter.
     *
     * @throws IllegalArgumentException naming the accepted words, for anything else
     */
    public static CheckGroup parse(String text) {
        String word = text == null ? "" : text.strip();
        for (CheckGroup group : values()) {
            if (group.name().equalsIgnoreCase(word) || group.letter.equalsIgnoreCase(word)) {
                return group;
            }
        }
        throw new IllegalArgumentException("Unknown check group \"" + text
                + "\": use schema, indexes, operations, domain (or A, B, C, D), or all");
    }
}
