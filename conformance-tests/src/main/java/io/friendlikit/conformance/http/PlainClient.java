package io.friendlikit.conformance.http;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/**
 * Sends non-streamed requests with REST Assured. A fresh {@link RequestSpecification} is built for every
 * request; REST Assured's static defaults are never changed.
 */
public final class PlainClient {

    /** Bodies above this size are sent with "Expect: 100-continue", so a server can refuse them (413) unread. */
    static final int EXPECT_CONTINUE_ABOVE_BYTES = 256 * 1024;

    private final RestAssuredConfig config;
    private final RestAssuredConfig largeBodyConfig;

    public PlainClient(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.config = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset(StandardCharsets.UTF_8)
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .httpClient(HttpClientConfig.httpClientConfig()
                        // one request is one attempt: Apache HttpClient would otherwise resend a body (even 12 MiB)
                        // up to three times after a reset, hiding what the server did
                        .httpClientFactory(PlainClient::withoutRetries)
                        .setParam("http.connection.timeout", millis)
                        .setParam("http.socket.timeout", millis));
        this.largeBodyConfig = config.httpClient(config.getHttpClientConfig()
                .setParam("http.protocol.expect-continue", true));
    }

    @SuppressWarnings("deprecation")
    private static org.apache.http.client.HttpClient withoutRetries() {
        org.apache.http.impl.client.DefaultHttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
        client.setHttpRequestRetryHandler(new org.apache.http.impl.client.DefaultHttpRequestRetryHandler(0, false));
        return client;
    }

    public HttpExchange send(ApiRequest request) {
        RequestSpecification spec = new RequestSpecBuilder()
                .setConfig(request.body() != null && request.body().length > EXPECT_CONTINUE_ABOVE_BYTES
                        ? largeBodyConfig : config)
                .setUrlEncodingEnabled(false)
                .build();
        RequestSpecification call = RestAssured.given(spec);
        request.headers().forEach(call::header);
        if (request.body() != null) {
            call.body(request.body());
        }
        long started = System.nanoTime();
        Response response = call.request(request.method(), request.uri());
        byte[] body = response.asByteArray();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders().asList()) {
            headers.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
        }
        return new HttpExchange(request, response.getStatusCode(), headers,
                new String(body, StandardCharsets.UTF_8), elapsed);
    }
}
