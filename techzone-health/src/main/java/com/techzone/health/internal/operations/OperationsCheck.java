package com.techzone.health.internal.operations;

import com.techzone.health.CheckGroup;
import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.GroupCheck;
import com.techzone.health.internal.Issue;

/** The common shape of group C checks: runtime, in group OPERATIONS. */
abstract class OperationsCheck extends GroupCheck {

    OperationsCheck(String name, String title) {
        super(CheckGroup.OPERATIONS, "ops", name, title);
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
