package io.friendlikit.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.conformance.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the target once before any scenario runs: is it reachable, does it answer chat completions at
 * {@code <base>/chat/completions}, does it accept the token, and which model should the scenarios use. A target
 * that fails here is a configuration error (exit 2, one line), not 268 failed scenarios.
 */
final class Preflight {

    /** The outcome: a problem that stops the run, or the model to use and a line saying how it was chosen. */
    record Outcome(Optional<String> problem, String model, String modelNote) {
        static Outcome stop(String problem) {
            return new Outcome(Optional.of(problem), "", "");
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Preflight(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds()))).build();
    }

    /**
     * @param configuredModel the model given by flag, property or variable, if any
     */
    Outcome check(URI base, String token, Optional<String> configuredModel) {
        URI models = URI.create(base + "/models");
        URI chat = URI.create(base + "/chat/completions");
        String model;
        String note;
        HttpResponse<String> catalogue;
        try {
            catalogue = send(HttpRequest.newBuilder(models).header("Authorization", "Bearer " + token).GET());
        } catch (IOException e) {
            return Outcome.stop("cannot reach " + base + " (" + problem(e) + "): is the server running, and is the"
                    + " base URL the one a client would use, e.g. http://127.0.0.1:8080/serverless/v1?");
        }
        if (configuredModel.isPresent()) {
            model = configuredModel.get();
            note = "model " + model + " (configured)";
        } else {
            List<String> listed = modelIds(catalogue);
            if (listed.contains(Setting.DEFAULT_MODEL)) {
                model = Setting.DEFAULT_MODEL;
                note = "model " + model + " (the default; listed by GET " + models + ")";
            } else if (!listed.isEmpty()) {
                model = listed.get(0);
                note = "model " + model + " (the first of " + listed.size() + " listed by GET " + models
                        + "; choose another with " + Setting.MODEL.flag() + ")";
            } else {
                model = Setting.DEFAULT_MODEL;
                note = "model " + model + " (the default: GET " + models + " answered HTTP " + catalogue.statusCode()
                        + " without a model list; choose one with " + Setting.MODEL.flag() + ")";
            }
        }
        String probe = "{\"model\":" + Json.MAPPER.getNodeFactory().textNode(model) + ",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Say hi.\"}],\"max_tokens\":1}";
        HttpResponse<String> answer;
        try {
            answer = send(HttpRequest.newBuilder(chat).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(probe)));
        } catch (IOException e) {
            return Outcome.stop("POST " + chat + " got no answer (" + problem(e) + ")");
        }
        int status = answer.statusCode();
        String body = Json.abbreviate(answer.body().replaceAll("\\s+", " "));
        if (status == 401 || status == 403) {
            return Outcome.stop("POST " + chat + " refused the token (HTTP " + status + " " + body + "): pass a token the"
                    + " server accepts with " + Setting.TOKEN.flag() + " (or " + Setting.TOKEN.environmentVariable() + ")");
        }
        if (status == 404 || status == 405) {
            return Outcome.stop("POST " + chat + " answered HTTP " + status + " (" + body + "): either the base URL is not"
                    + " the one a client would use (the kit appends /chat/completions; e.g. http://127.0.0.1:8080/serverless/v1)"
                    + " or the model " + model + " is unknown there (" + Setting.MODEL.flag() + ")");
        }
        return new Outcome(Optional.empty(), model, note);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<String> modelIds(HttpResponse<String> catalogue) {
        List<String> ids = new ArrayList<>();
        if (catalogue.statusCode() == 200) {
            Json.tryParse(catalogue.body()).ifPresent(root -> {
                for (JsonNode entry : root.path("data")) {
                    if (entry.path("id").isTextual() && !entry.path("id").asText().isBlank()) {
                        ids.add(entry.path("id").asText());
                    }
                }
            });
        }
        return ids;
    }

    private static String problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused: ConnectException";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time: " + t.getClass().getSimpleName();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
