package com.techzone.health.internal;

import com.techzone.health.CheckGroup;

/**
 * What every check shares: its id ({@code <prefix>.<name>}), its group and its title. The base
 * class of each group extends this and adds what is particular to the group.
 */
public abstract class GroupCheck implements HealthCheck {

    private final String id;
    private final CheckGroup group;
    private final String title;

    /**
     * @param group the check's group
     * @param prefix the group's id prefix, e.g. {@code schema}
     * @param name the check's name within the group, e.g. {@code tables}
     * @param title a short title for people
     */
    protected GroupCheck(CheckGroup group, String prefix, String name, String title) {
        this.id = prefix + "." + name;
        this.group = group;
        this.title = title;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final CheckGroup group() {
        return group;
    }

    @Override
    public final String title() {
        return title;
    }
}
