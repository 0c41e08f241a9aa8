package io.friendlikit.conformance.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit looks at the target once before judging it: reachable, chat completions at the base URL, token, model. */
class PreflightTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server with a catalogue of two peer models; chat answers 200 only at /v1/chat/completions, 401 for token "bad". */
    private URI peer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            int status;
            String body;
            if (path.equals("/v1/models")) {
                status = 200;
                body = "{\"object\":\"list\",\"data\":[{\"id\":\"peer-model-a\"},{\"id\":\"peer-model-b\"}]}";
            } else if (path.equals("/v1/chat/completions") && auth.equals("Bearer bad")) {
                status = 401;
                body = "{\"error\":{\"message\":\"bad key\"}}";
            } else if (path.equals("/v1/chat/completions")) {
                status = 200;
                body = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}";
            } else {
                status = 404;
                body = "{\"error\":{\"message\":\"not found\"}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void withoutAModelTheFirstListedOneIsUsedAndNamed() throws Exception {
        URI origin = peer();
        Preflight.Outcome outcome = new Preflight(Duration.ofSeconds(5)).check(URI.create(origin + "/v1"), "t", Optional.empty());
        assertThat(outcome.problem()).isEmpty();
        assertThat(outcome.model()).isEqualTo("peer-model-a");
        assertThat(outcome.modelNote()).contains("peer-model-a").contains("first of 2").contains("--model");
    }

    @Test
    void aConfiguredModelIsKept() throws Exception {
        URI origin = peer();
        Preflight.Outcome outcome = new Preflight(Duration.ofSeconds(5)).check(URI.create(origin + "/v1"), "t", Optional.of("peer-model-b"));
        assertThat(outcome.model()).isEqualTo("peer-model-b");
        assertThat(outcome.modelNote()).contains("configured");
    }

    @Test
    void aWrongBasePathARefusedTokenAndAClosedPortStopTheRunWithOneLine() throws Exception {
        URI origin = peer();
        Preflight preflight = new Preflight(Duration.ofSeconds(5));
        assertThat(preflight.check(URI.create(origin + "/serverless/v1"), "t", Optional.empty()).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("HTTP 404").contains("/serverless/v1/chat/completions")
                        .contains("base URL").doesNotContain("\n"));
        assertThat(preflight.check(URI.create(origin + "/v1"), "bad", Optional.empty()).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("refused the token").contains("HTTP 401").contains("--token"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        assertThat(preflight.check(URI.create("http://127.0.0.1:" + closed + "/v1"), "t", Optional.empty()).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("cannot reach http://127.0.0.1:" + closed + "/v1")
                        .contains("ConnectException"));
    }

    @Test
    void theJarExitsWithTwoAndOneLineForAWrongBaseUrl() throws Exception {
        URI origin = peer();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ConformanceMain.run(new String[]{"--base-url", origin + "/serverless/v1", "--token", "t"});
        } finally {
            System.setErr(err);
        }
        assertThat(status).isEqualTo(2);
        String output = captured.toString(StandardCharsets.UTF_8).trim();
        assertThat(output.lines()).hasSize(1);
        assertThat(output).startsWith("Configuration error: POST " + origin + "/serverless/v1/chat/completions answered HTTP 404");
    }
}
