package com.example.friendli;

import io.friendlikit.conformance.FriendliConformanceSuite;

/**
 * The whole kit as one JUnit Platform suite in this build's test run: every scenario is a test, reports land in
 * target/cucumber-reports/. The server comes from {@link StartedMockProvider}; set {@code friendli.base-url}
 * (and {@code friendli.token}) to test a server that is already running instead.
 */
class MockConformanceTest extends FriendliConformanceSuite {
}
