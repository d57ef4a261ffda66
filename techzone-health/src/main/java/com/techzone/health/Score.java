package com.techzone.health;

/**
 * The schema score of the TechZone report: how many of the six scored schema checks passed.
 *
 * @param passed scored checks that found nothing to act on (HEALTHY)
 * @param total scored checks that ran: 6, or 0 when the SCHEMA group was not selected
 */
public record Score(int passed, int total) {

    /** True when every scored check passed and there was at least one. */
    public boolean perfect() {
        return total > 0 && passed == total;
    }

    /** "6/6", or "n/a" when the schema group did not run. */
    @Override
    public String toString() {
        return total == 0 ? "n/a" : passed + "/" + total;
    }
}
