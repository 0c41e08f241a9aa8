package io.friendlikit.conformance;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The whole kit as a JUnit Platform suite: every bundled feature, run by the Cucumber engine with the kit's glue,
 * reports in {@code target/cucumber-reports/} and the console summary. Extend it with an empty test class in your
 * own build (the class is abstract so that nothing runs only because the kit is on the class path):
 *
 * <pre>{@code
 * class MyServerConformanceTest extends FriendliConformanceSuite {
 * }
 * }</pre>
 *
 * The server under test comes from the settings ({@code friendli.base-url} and the other rows of
 * {@link io.friendlikit.conformance.config.Setting}, as system properties or environment variables) or, when no
 * base URL is set, from a {@link io.friendlikit.conformance.targets.TargetProvider} registered in
 * {@code META-INF/services} of the test class path, which starts a fresh server per scenario. Select scenarios
 * with {@code -Dcucumber.filter.tags=...}. To run the kit from code instead, use {@link ConformanceKit}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParametersResource("io/friendlikit/conformance/suite.properties")
public abstract class FriendliConformanceSuite {
}
