package com.techzone.health.internal.domain;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.GroupCheck;

/** The common shape of group D checks: they read the TechZone tables, one aggregate query each. */
abstract class DomainCheck extends GroupCheck {

    DomainCheck(String name, String title) {
        super(CheckGroup.DOMAIN, "domain", name, title);
    }

    /** " (showing 50 of 120)" when the query was cut at its limit. */
    static String more(int shown, long total) {
        return total > shown ? " (" + total + " in all; the first " + shown + " are listed)" : "";
    }
}
