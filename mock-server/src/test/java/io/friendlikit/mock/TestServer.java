package io.friendlikit.mock;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test support around an embedded {@link MockServer}: request specs and a raw HTTP client for streams. */
public final class TestServer implements AutoCloseable {

    public static final String MODEL = "meta-llama-3.1-8b-instruct";
    public static final String CHAT = "/serverless/v1/chat/completions";

    private final MockServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(MockServer.Builder builder) {
        this.server = builder.port(0).host("127.0.0.1").build().start();
    }

    public static TestServer start() {
        return new TestServer(MockServer.builder().seed(7));
    }

    public MockServer server() {
        return server;
    }

    /** A request spec for the mock with a bearer token and a JSON content type. */
    public RequestSpecification authed() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(server.baseUri().toString())
                .setContentType(ContentType.JSON).addHeader("Authorization", "Bearer test-token").build());
    }

    /** A request spec with no headers at all. */
    public RequestSpecification bare() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(server.baseUri().toString()).build());
    }

    /** POSTs a body to the serverless route and returns the raw response (bytes intact, for SSE checks). */
    public HttpResponse<String> rawPost(String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer test-token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A minimal valid body with extra members spliced in, e.g. {@code body("\"n\":2")}. */
    public static String body(String extraMembers) {
        String base = "\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]";
        return "{" + base + (extraMembers == null || extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
    }

    @Override
    public void close() {
        server.close();
    }
}
