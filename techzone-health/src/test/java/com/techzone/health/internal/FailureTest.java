package com.techzone.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.health.Severity;
import org.junit.jupiter.api.Test;

/** A check that cannot run becomes UNKNOWN naming why, a library version clash included. */
class FailureTest {

    @Test
    void shouldTurnALinkageErrorIntoUnknownNamingIt() {
        Issue issue = Failure.describe(null, new NoSuchMethodError(
                "'java.lang.Object org.flywaydb.core.api.configuration.FluentConfiguration.getConfigurationExtension(java.lang.Class)'"),
                null, null);
        assertThat(issue.severity).isEqualTo(Severity.UNKNOWN);
        assertThat(issue.message).startsWith("Could not run: NoSuchMethodError: ").contains("getConfigurationExtension")
                .contains("not in a version this check supports");
    }
}
