package com.techzone.health;

/**
 * A warning and a critical limit for one {@link Metric}. For metrics where lower is worse (the
 * cache hit ratio) the critical limit is below the warning limit.
 *
 * @param warning the value past which a finding is WARNING
 * @param critical the value past which a finding is CRITICAL
 */
public record Threshold(double warning, double critical) {

    /**
     * The severity of a measured value: CRITICAL past {@code critical}, WARNING past {@code warning},
     * else INFO. "Past" means above, or below when {@code lowerIsWorse}.
     */
    public Severity judge(double value, boolean lowerIsWorse) {
        if (lowerIsWorse ? value < critical : value > critical) {
            return Severity.CRITICAL;
        }
        if (lowerIsWorse ? value < warning : value > warning) {
            return Severity.WARNING;
        }
        return Severity.INFO;
    }
}
