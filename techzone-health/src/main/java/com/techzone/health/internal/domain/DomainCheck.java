package com.techzone.health.internal.domain;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.HealthCheck;

/** The common shape of group D checks: they read the TechZone tables, one aggregate query each. */
abstract class DomainCheck implements HealthCheck {

    private final String id;
    private final String title;

    DomainCheck(String name, String title) {
        this.id = "domain." + name;
        this.title = title;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final CheckGroup group() {
        return CheckGroup.DOMAIN;
    }

    @Override
    public final String title() {
        return title;
    }

    /** " (showing 50 of 120)" when the query was cut at its limit. */
    static String more(int shown, long total) {
        return total > shown ? " (" + total + " in all; the first " + shown + " are listed)" : "";
    }
}
