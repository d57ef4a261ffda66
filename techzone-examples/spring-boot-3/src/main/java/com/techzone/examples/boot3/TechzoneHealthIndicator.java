package com.techzone.examples.boot3;

import com.techzone.health.HealthReport;
import com.techzone.health.Severity;
import com.techzone.health.TechzoneHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code techzone} component of {@code /actuator/health}: CRITICAL is DOWN, a check that could
 * not run makes it UNKNOWN (never UP), HEALTHY and WARNING are UP; a run that cannot start (database
 * unreachable) is DOWN with the reason. Findings above INFO are listed in the details.
 */
// tag::health-indicator[]
@Component
class TechzoneHealthIndicator extends AbstractHealthIndicator {

    private static final int MAX_FINDINGS = 10;
    private final TechzoneHealth health;

    TechzoneHealthIndicator(TechzoneHealth health) {
        super("TechZone health check failed");      // logged at WARN with the exception; the component is DOWN
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = health.run();         // throws HealthCheckException when the database is unreachable
        builder.status(status(report))
                .withDetail("status", report.status().name())
                .withDetail("schema", report.schema())
                .withDetail("score", report.score().toString())
                .withDetail("findings", report.findings().stream()
                        .filter(f -> f.severity() != Severity.INFO)
                        .limit(MAX_FINDINGS)
                        .map(f -> f.severity() + " " + f.checkId() + " " + f.object() + ": " + f.message())
                        .toList());
    }

    /** CRITICAL is DOWN; a check that could not run is UNKNOWN, even beside a WARNING; the rest is UP. */
    static Status status(HealthReport report) {
        if (report.status() == com.techzone.health.Status.CRITICAL) {
            return Status.DOWN;
        }
        boolean unknown = report.checks().stream().anyMatch(c -> c.status() == com.techzone.health.Status.UNKNOWN);
        return unknown ? Status.UNKNOWN : Status.UP;
    }
}
// end::health-indicator[]
