package io.friendlikit.conformance.targets;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.conformance.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Talks to the mock's documented admin HTTP API (faults, scenarios, journal, reset, limits), globally or, through
 * {@link #inSession(String)}, for one test session ({@code X-Mock-Session}). With an admin token (the kit's
 * {@link Setting#ADMIN_TOKEN}) every call carries it as {@code X-Admin-Token}, as a mock started with
 * {@code --admin-token} requires.
 *
 * <p>A call the server refuses with 401 throws at once, naming the kit setting to fix, instead of handing each
 * step a status to misread: the admin API has no other reason to answer 401.
 */
public final class AdminClient {

    /** The header that scopes admin calls and chat requests to one test session. */
    public static final String SESSION_HEADER = "X-Mock-Session";
    /** The header that carries the admin token. */
    public static final String TOKEN_HEADER = "X-Admin-Token";

    private final URI root;
    private final Optional<String> token;
    private final String session;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A client without an admin token. */
    public AdminClient(URI root) {
        this(root, Optional.empty());
    }

    /** A client sending {@code token}, when present, as {@code X-Admin-Token}. */
    public AdminClient(URI root, Optional<String> token) {
        this(root, token, null);
    }

    private AdminClient(URI root, Optional<String> token, String session) {
        this.root = Objects.requireNonNull(root, "root");
        this.token = Objects.requireNonNull(token, "token");
        this.session = session;
    }

    /** A client whose calls act on that session only. */
    public AdminClient inSession(String name) {
        return new AdminClient(root, token, name);
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            return Json.parse(body);
        }
    }

    public Reply reset() {
        return send("POST", "/reset", null);
    }

    public Reply post(String path, JsonNode json) {
        return send("POST", path, Json.write(json));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply put(String path, JsonNode json) {
        return send("PUT", path, Json.write(json));
    }

    private Reply send(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
        if (session != null) {
            builder.header(SESSION_HEADER, session);
        }
        token.ifPresent(t -> builder.header(TOKEN_HEADER, t));
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new IllegalStateException(refusal(method + " " + root + path, response.body()));
            }
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("admin API " + method + " " + root + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the admin API", e);
        }
    }

    /** Why a 401 came back and which kit setting fixes it. */
    private String refusal(String call, String body) {
        String said = Json.abbreviate(body);
        if (token.isEmpty()) {
            return "admin API " + call + " answered 401: the server asks for an admin token (" + TOKEN_HEADER
                    + ") and the kit has none; set " + Setting.ADMIN_TOKEN.names() + " to the token the mock was"
                    + " started with (its --admin-token). The server said: " + said;
        }
        return "admin API " + call + " answered 401: it refused the admin token of " + Setting.ADMIN_TOKEN.names()
                + "; give the token the mock was started with (its --admin-token). The server said: " + said;
    }
}
