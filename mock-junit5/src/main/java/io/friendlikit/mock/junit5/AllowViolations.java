package io.friendlikit.mock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method (or a class) under {@code @FriendliMock(failOnViolations = true)}: this test sends requests that
 * break the mock's rules on purpose, so its journal is not checked.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowViolations {
}
