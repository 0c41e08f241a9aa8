package io.friendlikit.mock.junit5;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sample test class that some of its samples fail on purpose: it runs only through {@link Samples}
 * (EngineTestKit), and is skipped when a build tool selects it directly (e.g. {@code -Dtest=...Test*}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Sample.OnlyThroughSamples.class)
@interface Sample {

    String PARAMETER = "io.friendlikit.mock.junit5.samples";

    final class OnlyThroughSamples implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by Samples")
                    : ConditionEvaluationResult.disabled("a sample: its outer test runs it through EngineTestKit");
        }
    }
}
