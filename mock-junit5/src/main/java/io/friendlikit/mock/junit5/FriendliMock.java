package io.friendlikit.mock.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an embedded Friendli mock server for a test class, on a free port of 127.0.0.1.
 *
 * <pre>{@code
 * @FriendliMock(seed = 42, failOnViolations = true)
 * class MyClientTest {
 *     @Test
 *     void answers(@MockUri URI serverless, AdminClient admin, MockServer mock) { ... }
 * }
 * }</pre>
 *
 * <p>Test methods, lifecycle methods and constructors can take a {@link io.friendlikit.mock.MockServer}, an
 * {@link AdminClient} (the admin HTTP API, as any non-Java user would drive it) and a {@link java.net.URI}
 * annotated with {@link MockUri}. Fields get the same when annotated with {@link Inject} (or {@link MockUri} for a
 * URI); static fields only with {@link Lifecycle#PER_CLASS}.
 *
 * <p>State: with {@link Lifecycle#PER_CLASS} (the default) one server serves the whole class (and its
 * {@code @Nested} classes) and is reset after each test (faults, scenarios, journal), so a fault added in one test is
 * never seen by the next; with {@link Lifecycle#PER_METHOD} every test gets a server of its own on a new port.
 *
 * <p>Parallel execution: tests sharing a {@link Lifecycle#PER_CLASS} server take turns (the extension holds a lock
 * from before each test until after it), since faults and scenarios are global to a server; other classes and
 * {@link Lifecycle#PER_METHOD} tests run in parallel as JUnit schedules them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FriendliMockExtension.class)
public @interface FriendliMock {

    /** Server seed for ids and for the text of requests that carry no seed ({@code --seed}). */
    long seed() default 0;

    /** Accepted bearer tokens; empty accepts any non-empty token ({@code --tokens}). */
    String[] tokens() default {};

    /** Allowed {@code X-Friendli-Team} values; empty allows any ({@code --teams}). */
    String[] teams() default {};

    /**
     * The admin API's token ({@code --admin-token}): when set, every admin call must send
     * {@code X-Admin-Token: <token>} (else 401). The injected {@link AdminClient} sends it; a client made by hand
     * needs {@link AdminClient#withAdminToken(String)}. Empty (the default): no token. Visible ASCII without spaces.
     */
    String adminToken() default "";

    /** Delay before the first streamed chunk and before a plain answer ({@code --first-token-ms}). */
    long firstTokenMs() default 0;

    /** Delay between streamed chunks ({@code --inter-token-ms}). */
    long interTokenMs() default 0;

    /**
     * Any other setting of the command line as {@code name=value}, with the command line's names and rules, e.g.
     * {@code {"journal-size=50", "strict=false", "rate-limit-rpm=5"}}. A setting given here overrides the attribute
     * of the same meaning above. {@code port} and {@code host} are chosen by the extension and refused here.
     */
    String[] settings() default {};

    /** One server for the class, reset after each test, or one server per test. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * After each test, fail it if a request it sent broke one of the mock's request rules (the journal entry of the
     * request carries violations, i.e. the mock answered 422), listing every such request with its rule ids, params
     * and messages. A test that sends bad requests on purpose opts out with {@link AllowViolations}.
     * Only the requests the journal still holds are checked ({@code journal-size}, 1000 by default).
     */
    boolean failOnViolations() default false;

    /** How long a server lives. */
    enum Lifecycle {
        /** One server for the test class, reset (faults, scenarios, journal) after each test. */
        PER_CLASS,
        /** A new server, on a new port, for every test. */
        PER_METHOD
    }

    /**
     * Marks a field to receive the {@link io.friendlikit.mock.MockServer} or the {@link AdminClient} (for a
     * {@link java.net.URI} field use {@link MockUri}).
     */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Inject {
    }
}
