package io.friendlikit.conformance.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.conformance.config.ConfigResolver;
import io.friendlikit.conformance.config.KitConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The target of one scenario. With a configured base URL it is that server; otherwise the first
 * {@link TargetProvider} on the class path starts a fresh server for the scenario and {@link #close()}
 * stops it.
 */
public final class TargetSession implements AutoCloseable {

    public static final String MOCK_KIND_MARKER = "friendli-mock";
    /** The token sent when none is configured (allowed for local targets only). */
    public static final String DEFAULT_LOCAL_TOKEN = "conformance-kit-local-token";
    private static final String MOCK_DEDICATED_ENDPOINT = "dep0mockendpt01";
    /** {@code error.code} of the mock's 401 to an admin call without its {@code --admin-token}. */
    private static final String ADMIN_TOKEN_REFUSED = "invalid_admin_token";

    private final KitConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private Target target;
    private RunningTarget started;
    private final java.util.Map<URI, Optional<JsonNode>> healthOf = new java.util.HashMap<>();
    /** Names used on a mock that advertises its team policy. */
    static final String ANY_TEAM = "team-conformance";
    static final String FOREIGN_TEAM = "team-not-a-member-000";

    /** Settings from system properties and environment (PicoContainer uses this constructor). */
    public TargetSession() {
        this(ConfigResolver.fromSystem().resolve());
    }

    /** A session with these settings (a factory: PicoContainer would pick a public constructor taking them). */
    public static TargetSession of(KitConfig config) {
        return new TargetSession(config);
    }

    private TargetSession(KitConfig config) {
        this.config = config;
    }

    public KitConfig config() {
        return config;
    }

    public Target target() {
        if (target == null) {
            target = config.baseUrl().isPresent() ? external(config.baseUrl().get()) : embedded();
        }
        return target;
    }

    private Target external(URI baseUrl) {
        Optional<URI> admin = config.adminUrl().or(() -> probeAdmin(Target.origin(baseUrl)));
        String kind = config.targetKind().orElseGet(() -> {
            if (admin.isPresent() && isMockAdmin(admin.get())) {
                return "mock";
            }
            String host = baseUrl.getHost();
            return host.equals("friendli.ai") || host.endsWith(".friendli.ai") ? "live" : "other";
        });
        return build("server at " + baseUrl, baseUrl, admin, kind);
    }

    private Target embedded() {
        Iterator<TargetProvider> providers = ServiceLoader.load(TargetProvider.class).iterator();
        if (!providers.hasNext()) {
            throw new IllegalStateException("No server to test: set FRIENDLI_BASE_URL (or --base-url, "
                    + "-Dfriendli.base-url) to the base URL of the server, e.g. http://127.0.0.1:8080/serverless/v1");
        }
        TargetProvider provider = providers.next();
        try {
            started = provider.start(config);
        } catch (Exception e) {
            throw new IllegalStateException("Target provider '" + provider.name() + "' failed to start: " + e, e);
        }
        return build(provider.name() + " at " + started.baseUrl(), started.baseUrl(),
                config.adminUrl().or(started::adminUrl), config.targetKind().orElse(started.kind()));
    }

    private Target build(String description, URI baseUrl, Optional<URI> admin, String kind) {
        String token = config.token().orElse(DEFAULT_LOCAL_TOKEN);
        Optional<URI> dedicatedBase = config.dedicatedBaseUrl().or(() -> {
            String text = baseUrl.toString();
            return text.endsWith("/serverless/v1")
                    ? Optional.of(URI.create(text.substring(0, text.length() - "/serverless/v1".length()) + "/dedicated/v1"))
                    : Optional.empty();
        });
        Optional<String> dedicatedModel = config.dedicatedModel()
                .or(() -> kind.equals("mock") ? Optional.of(MOCK_DEDICATED_ENDPOINT) : Optional.empty());
        // the container flavour is served at <origin>/v1 by the mock; elsewhere only where configured
        Optional<URI> containerBase = config.containerBaseUrl()
                .or(() -> kind.equals("mock") ? Optional.of(URI.create(Target.origin(baseUrl) + "/v1")) : Optional.empty());
        Optional<java.util.List<String>> policy = admin.flatMap(this::teamPolicy);
        // a team the token belongs to: the configured one; on a mock, a listed team, or any name when all are allowed
        Optional<String> member = config.team().or(() -> policy.map(teams -> teams.isEmpty() ? ANY_TEAM : teams.get(0)));
        // a team the token does not belong to: the configured one; on a mock only when it lists its teams
        Optional<String> foreign = config.foreignTeam().or(() -> policy.filter(teams -> !teams.isEmpty())
                .map(teams -> teams.contains(FOREIGN_TEAM) ? FOREIGN_TEAM + "-x" : FOREIGN_TEAM));
        return new Target(description, baseUrl, token, config.model(), dedicatedBase, dedicatedModel,
                config.reasoningModel(), containerBase, admin, config.adminToken(), kind, member, foreign);
    }

    /** The mock's allowed teams from {@code GET <admin>/health} ("teams"; empty: every team), if it says. */
    private Optional<java.util.List<String>> teamPolicy(URI admin) {
        return health(admin).filter(body -> body.path("teams").isArray()).map(body -> {
            java.util.List<String> teams = new java.util.ArrayList<>();
            body.path("teams").forEach(t -> teams.add(t.asText()));
            return teams;
        });
    }

    private Optional<URI> probeAdmin(URI origin) {
        URI admin = URI.create(origin + "/__admin");
        return isMockAdmin(admin) ? Optional.of(admin) : Optional.empty();
    }

    /**
     * Whether {@code admin} is the mock's admin API: its health names the mock, or it refused the kit with the
     * mock's own code for a missing or wrong admin token. The latter still counts, so that its @mock-control
     * scenarios fail naming the setting to fix rather than being skipped as if there were no admin API.
     */
    private boolean isMockAdmin(URI admin) {
        return health(admin).map(body -> MOCK_KIND_MARKER.equals(body.path("kind").asText())
                || ADMIN_TOKEN_REFUSED.equals(body.path("error").path("code").asText())).orElse(false);
    }

    /** The admin health answer (or the mock's 401 refusing the admin token), read once per session. */
    private Optional<JsonNode> health(URI admin) {
        if (healthOf.containsKey(admin)) {
            return healthOf.get(admin);
        }
        Optional<JsonNode> answer;
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + "/health"))
                    .timeout(Duration.ofSeconds(3)).GET();
            config.adminToken().ifPresent(token -> request.header(AdminClient.TOKEN_HEADER, token));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = response.statusCode() == 200 || response.statusCode() == 401
                    ? Optional.of(mapper.readTree(response.body())) : Optional.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            answer = Optional.empty();
        }
        healthOf.put(admin, answer);
        return answer;
    }

    @Override
    public void close() throws Exception {
        if (started != null) {
            RunningTarget toStop = started;
            started = null;
            toStop.close();
        }
    }
}
