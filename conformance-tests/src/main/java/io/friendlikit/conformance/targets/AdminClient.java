package io.friendlikit.conformance.targets;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.conformance.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks to the mock's documented admin HTTP API (faults, scenarios, journal, reset), globally or, through
 * {@link #inSession(String)}, for one test session ({@code X-Mock-Session}).
 */
public final class AdminClient {

    /** The header that scopes admin calls and chat requests to one test session. */
    public static final String SESSION_HEADER = "X-Mock-Session";

    private final URI root;
    private final String session;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public AdminClient(URI root) {
        this(root, null);
    }

    private AdminClient(URI root, String session) {
        this.root = root;
        this.session = session;
    }

    /** A client whose calls act on that session only. */
    public AdminClient inSession(String name) {
        return new AdminClient(root, name);
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

    private Reply send(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
        if (session != null) {
            builder.header(SESSION_HEADER, session);
        }
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("admin API " + method + " " + root + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the admin API", e);
        }
    }
}
