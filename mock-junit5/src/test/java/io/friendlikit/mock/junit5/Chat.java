package io.friendlikit.mock.junit5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends chat requests to a mock in tests. */
final class Chat {

    static final String MODEL = "meta-llama-3.1-8b-instruct";
    static final String VALID = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
            + "\"max_tokens\":4}";
    /** Breaks VAL-RANGE: top_p must be in (0, 1]. */
    static final String BAD_TOP_P = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
            + "\"top_p\":0}";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Chat() {
    }

    /** POSTs {@code body} to {@code base}/chat/completions with a bearer token. */
    static HttpResponse<String> post(URI base, String body) {
        return post(base, body, "flp_test");
    }

    static HttpResponse<String> post(URI base, String body, String token) {
        return post(base, body, token, java.util.Map.of());
    }

    /** As {@link #post(URI, String, String)}, with more headers. */
    static HttpResponse<String> post(URI base, String body, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** True when nothing accepts connections at {@code root} any more. */
    static boolean refusesConnections(URI root) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(root + "/__admin/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (java.net.ConnectException refused) {
            return true;
        } catch (IOException other) {
            return other.getCause() instanceof java.net.ConnectException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
