package io.friendlikit.mock.junit5;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs sample test classes (static nested classes, which Surefire leaves alone) on the Jupiter engine. */
final class Samples {

    private Samples() {
    }

    static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(Sample.PARAMETER, "true")
                .selectors(selectClass(sample)).execute();
    }

    /** In parallel: every test method concurrently, four threads. */
    static EngineExecutionResults runInParallel(Class<?>... samples) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Sample.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        for (Class<?> sample : samples) {
            kit.selectors(selectClass(sample));
        }
        return kit.execute();
    }
}
