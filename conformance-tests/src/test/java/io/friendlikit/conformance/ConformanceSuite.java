package io.friendlikit.conformance;

/** The kit's own run of every bundled feature, against the embedded mock of {@link EmbeddedMockTargetProvider}. */
class ConformanceSuite extends FriendliConformanceSuite {
}
