package com.techzone.health.internal.operations;

import com.techzone.health.CheckGroup;
import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.HealthCheck;
import com.techzone.health.internal.Issue;

/** The common shape of group C checks: runtime, in group OPERATIONS. */
abstract class OperationsCheck implements HealthCheck {

    private final String id;
    private final String title;

    OperationsCheck(String name, String title) {
        this.id = "ops." + name;
        this.title = title;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final CheckGroup group() {
        return CheckGroup.OPERATIONS;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public boolean runtime() {
        return true;
    }

    /** A finding judged against a metric's threshold: INFO when within it, with value and threshold filled in. */
    static Issue judged(CheckContext context, Metric metric, double value, String object, String message) {
        Severity severity = context.threshold(metric).judge(value, metric.lowerIsWorse());
        return Issue.of(severity, object, message).measured(CheckContext.value(value, metric))
                .threshold(context.thresholdText(metric));
    }
}
