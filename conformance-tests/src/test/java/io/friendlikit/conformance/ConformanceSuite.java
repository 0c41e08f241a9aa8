package io.friendlikit.conformance;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Runs every bundled feature; configuration in junit-platform.properties. */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
public class ConformanceSuite {
}
