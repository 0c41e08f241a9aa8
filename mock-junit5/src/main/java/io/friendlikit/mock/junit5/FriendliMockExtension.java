package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.validation.Violation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * The extension behind {@link FriendliMock}: starts and stops the mock, resolves {@link MockServer},
 * {@link AdminClient} and {@link MockUri} URIs, resets the mock after each test of a shared server, and (with
 * {@link FriendliMock#failOnViolations()}) fails a test whose requests broke the mock's rules.
 * Registering it with {@code @ExtendWith(FriendliMockExtension.class)} alone gives the annotation's defaults.
 */
public final class FriendliMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestInstantiationAwareExtension {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FriendliMockExtension.class);
    private static final String METHOD_SCOPE = "server of this test";
    private static final String RUN = "this test's run";
    /** Shared by the admin clients the extension hands out: one selector thread, not one per server. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Carries the annotation's defaults for classes that register the extension without it. */
    @FriendliMock
    private static final class Defaults {
    }

    /** The annotation that applies and the class carrying it. */
    private record Config(FriendliMock settings, Class<?> declaredOn) {

        boolean perClass() {
            return settings.lifecycle() == FriendliMock.Lifecycle.PER_CLASS;
        }

        String classScopeKey() {
            return "server of " + declaredOn.getName();
        }
    }

    /** One running server with its admin client; the tests sharing it take turns. */
    private static final class Scope implements AutoCloseable {
        final MockServer server;
        final AdminClient admin;
        final Semaphore turn = new Semaphore(1);

        Scope(MockServer server) {
            this.server = server;
            // the server's own setting, so a token given in settings() ("admin-token=...") is sent too
            this.admin = new AdminClient(server.baseUri(), HTTP).withAdminToken(server.config().adminToken());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** What one test needs after it ran: its server and the newest journal id seen before it started. */
    private record Run(Scope scope, long journalMark, boolean holdsTurn) {
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Config config = config(context);
        if (config.perClass()) {
            Scope scope = classScope(context, config);
            injectFields(context.getRequiredTestClass(), null, scope, true);
        } else {
            build(config); // refuse bad settings before any test runs
            List<Field> statics = annotatedFields(context.getRequiredTestClass(), true);
            if (!statics.isEmpty()) {
                throw new ExtensionConfigurationException("@FriendliMock(lifecycle = PER_METHOD) on "
                        + config.declaredOn().getSimpleName() + ": static field '" + statics.get(0).getName()
                        + "' cannot hold a server that exists only during one test; make it an instance field "
                        + "or use lifecycle PER_CLASS");
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Config config = config(context);
        if (config.perClass()) {
            Scope own = context.getStore(NAMESPACE).remove(config.classScopeKey(), Scope.class);
            if (own != null) {
                own.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        Config config = config(context);
        Scope scope = scope(context, config);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance.getClass(), instance, scope, false);
        }
        boolean holdsTurn = false;
        if (config.perClass()) {
            scope.turn.acquire();
            holdsTurn = true;
        }
        context.getStore(NAMESPACE).put(RUN, new Run(scope, newestJournalId(scope.server), holdsTurn));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Run run = context.getStore(NAMESPACE).remove(RUN, Run.class);
        if (run == null) {
            return;
        }
        Config config = config(context);
        try {
            if (config.settings().failOnViolations() && !allowsViolations(context)) {
                failOnViolations(run);
            }
        } finally {
            if (config.perClass()) {
                try {
                    run.scope().server.reset();
                } finally {
                    if (run.holdsTurn()) {
                        run.scope().turn.release();
                    }
                }
            } else {
                Scope own = context.getStore(NAMESPACE).remove(METHOD_SCOPE, Scope.class);
                if (own != null) {
                    own.close();
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MockServer.class || type == AdminClient.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        String what = "parameter '" + parameter.getParameter().getName() + "' of "
                + parameter.getDeclaringExecutable().getName();
        Optional<MockUri> uri = parameter.findAnnotation(MockUri.class);
        if (type == URI.class && uri.isEmpty()) {
            throw new ParameterResolutionException(unannotatedUri(what));
        }
        Config config = config(context);
        if (!config.perClass() && context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@FriendliMock(lifecycle = PER_METHOD) on "
                    + config.declaredOn().getSimpleName() + ": " + what + " is resolved outside a test, where no "
                    + "server exists; take it in the test, @BeforeEach or @AfterEach, or use lifecycle PER_CLASS");
        }
        try {
            return valueFor(type, uri.orElse(null), scope(context, config), what);
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private static Object valueFor(Class<?> type, MockUri uri, Scope scope, String what) {
        if (type == MockServer.class) {
            return scope.server;
        }
        if (type == AdminClient.class) {
            if (!scope.server.config().admin()) {
                throw new ExtensionConfigurationException(what + ": the admin API is switched off (admin=false "
                        + "in @FriendliMock settings), so an AdminClient would get 404s; take the MockServer instead");
            }
            return scope.admin;
        }
        if (type == URI.class && uri != null) {
            return uri.value().of(scope.server.baseUri());
        }
        throw new ExtensionConfigurationException(what + ": @FriendliMock injects MockServer, AdminClient or a "
                + "@MockUri URI, not " + type.getName());
    }

    private static String unannotatedUri(String what) {
        return what + ": the mock has several URIs; annotate it with @MockUri (the serverless base URL), "
                + "@MockUri(MockUri.Kind.DEDICATED), @MockUri(MockUri.Kind.CONTAINER) or @MockUri(MockUri.Kind.ROOT)";
    }

    // ---- scopes ----

    private static Scope scope(ExtensionContext context, Config config) {
        if (config.perClass()) {
            return classScope(context, config);
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(METHOD_SCOPE, k -> start(config), Scope.class);
    }

    /** The shared server, kept in the store of the innermost class context (found there for @Nested classes too). */
    private static Scope classScope(ExtensionContext context, Config config) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(config.classScopeKey(), k -> start(config),
                Scope.class);
    }

    private static Scope start(Config config) {
        return new Scope(build(config).start());
    }

    private static Config config(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<FriendliMock> found = AnnotationSupport.findAnnotation(c, FriendliMock.class);
            if (found.isPresent()) {
                return new Config(found.get(), c);
            }
            if (Modifier.isStatic(c.getModifiers())) {
                break; // only @Nested (inner) classes inherit the server of the class around them
            }
        }
        return new Config(Defaults.class.getAnnotation(FriendliMock.class), context.getRequiredTestClass());
    }

    // ---- settings ----

    /** The server the annotation asks for, not yet started. */
    private static MockServer build(Config config) {
        FriendliMock a = config.settings();
        String where = "@FriendliMock on " + config.declaredOn().getSimpleName() + ": ";
        MockServer.Builder builder = MockServer.builder();
        MockServer server;
        try {
            builder.set(Setting.SEED, a.seed())
                    .set(Setting.TOKENS, new LinkedHashSet<>(Arrays.asList(a.tokens())))
                    .set(Setting.TEAMS, new LinkedHashSet<>(Arrays.asList(a.teams())))
                    .set(Setting.FIRST_TOKEN_MS, a.firstTokenMs())
                    .set(Setting.INTER_TOKEN_MS, a.interTokenMs())
                    .set(Setting.ADMIN_TOKEN, Setting.ADMIN_TOKEN.parse(a.adminToken(), "adminToken"));
            for (String entry : a.settings()) {
                apply(builder, entry, where);
            }
            server = builder.port(0).host("127.0.0.1").build();
        } catch (ConfigException e) {
            throw new ExtensionConfigurationException(where + e.getMessage(), e);
        }
        if (a.failOnViolations() && server.config().journalSize() == 0) {
            throw new ExtensionConfigurationException(where + "failOnViolations reads the journal, but "
                    + "journal-size is 0; drop one or the other");
        }
        return server;
    }

    private static void apply(MockServer.Builder builder, String entry, String where) {
        int eq = entry.indexOf('=');
        if (eq < 1) {
            throw new ExtensionConfigurationException(where + "settings entry '" + entry
                    + "' must be name=value, e.g. journal-size=50");
        }
        String name = entry.substring(0, eq).trim();
        String value = entry.substring(eq + 1).trim();
        Setting<?> setting = Setting.byFlag("--" + name).orElseThrow(() -> new ExtensionConfigurationException(
                where + "settings: no setting '" + name + "'; known: " + Setting.values().stream()
                        .map(Setting::name).collect(Collectors.joining(", "))));
        if (setting == Setting.PORT || setting == Setting.HOST) {
            throw new ExtensionConfigurationException(where + "settings: '" + name + "' is chosen by the extension "
                    + "(a free port on 127.0.0.1); take the @MockUri or MockServer to learn it");
        }
        parseInto(builder, setting, value, "settings \"" + name + "\"");
    }

    private static <T> void parseInto(MockServer.Builder builder, Setting<T> setting, String text, String source) {
        builder.set(setting, setting.parse(text, source));
    }

    // ---- fields ----

    private static List<Field> annotatedFields(Class<?> type, boolean statics) {
        return ReflectionSupport.findFields(type, f -> Modifier.isStatic(f.getModifiers()) == statics
                && (f.isAnnotationPresent(FriendliMock.Inject.class) || f.isAnnotationPresent(MockUri.class)),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static void injectFields(Class<?> type, Object instance, Scope scope, boolean statics) {
        for (Field field : annotatedFields(type, statics)) {
            String what = "field '" + field.getName() + "' of " + field.getDeclaringClass().getSimpleName();
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(what + " is final; the extension cannot set it");
            }
            if (field.getType() == URI.class && !field.isAnnotationPresent(MockUri.class)) {
                throw new ExtensionConfigurationException(unannotatedUri(what));
            }
            Object value = valueFor(field.getType(), field.getAnnotation(MockUri.class), scope, what);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new ExtensionConfigurationException(what + " cannot be set: " + e, e);
            }
        }
    }

    // ---- violations ----

    private static long newestJournalId(MockServer server) {
        List<Journal.Entry> entries = server.journal().entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id();
    }

    private static boolean allowsViolations(ExtensionContext context) {
        if (AnnotationSupport.isAnnotated(context.getTestMethod(), AllowViolations.class)) {
            return true;
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, AllowViolations.class)) {
                return true;
            }
        }
        return false;
    }

    private static void failOnViolations(Run run) {
        List<Journal.Entry> broken = run.scope().server.journal().entries().stream()
                .filter(e -> e.id() > run.journalMark() && !e.violations().isEmpty())
                .toList();
        if (broken.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder()
                .append(broken.size() == 1 ? "1 request" : broken.size() + " requests")
                .append(" to the Friendli mock broke its rules during this test (@FriendliMock failOnViolations):");
        for (Journal.Entry e : broken) {
            message.append("\n  #").append(e.id()).append(' ').append(e.method()).append(' ').append(e.path())
                    .append(" -> ").append(e.status());
            for (Violation v : e.violations()) {
                message.append("\n      ").append(v.param() == null ? "(body)" : v.param()).append(" [")
                        .append(v.rule()).append(", ").append(v.code()).append("]: ").append(v.message());
            }
        }
        message.append("\nIf the test sends these on purpose, annotate it with @AllowViolations.");
        throw new AssertionFailedError(message.toString());
    }
}
