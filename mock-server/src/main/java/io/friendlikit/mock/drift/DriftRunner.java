package io.friendlikit.mock.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.recording.Recording;
import io.friendlikit.mock.recording.RecordingException;
import io.friendlikit.mock.recording.Redaction;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sends the request of every recording in a directory (file-name order) to a target and compares the answers by
 * structure ({@link ShapeComparator}). The recorded token is redacted, so the request carries the drift's own
 * token instead; the other credentials recorded redacted are left out, the rest of the recorded headers are sent
 * as recorded.
 */
public final class DriftRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);
    /** Most recordings read from one directory. */
    public static final int MAX_RECORDINGS = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String root;
    private final String token;
    private final String target;
    private final ShapeComparator comparator;

    /**
     * @param against     the target's root URL (recorded paths are appended)
     * @param token       sent as {@code Authorization: Bearer <token>}
     * @param target      the divergence target kind: mock, live or other
     * @param divergences all entries; those for {@code target} apply
     */
    public DriftRunner(String against, String token, String target, Divergences divergences) {
        String r = against.endsWith("/") ? against.substring(0, against.length() - 1) : against;
        try {
            URI uri = URI.create(r);
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
        } catch (IllegalArgumentException e) {
            throw new DriftInputException("--against '" + against + "' is not a URL: " + e.getMessage());
        }
        this.root = r;
        this.token = token;
        this.target = target;
        this.comparator = new ShapeComparator(divergences.forTarget(target));
    }

    /** The recordings of a directory, sorted by file name; JSON files that are not recordings are passed over. */
    public static List<Map.Entry<String, Recording>> read(Path directory) {
        if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
            throw new DriftInputException("--recordings " + directory + ": not a readable directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().limit(MAX_RECORDINGS + 1L)
                    .toList();
        } catch (IOException e) {
            throw new DriftInputException("--recordings " + directory + ": cannot list: " + e.getMessage());
        }
        if (files.size() > MAX_RECORDINGS) {
            throw new DriftInputException("--recordings " + directory + ": more than " + MAX_RECORDINGS + " files");
        }
        List<Map.Entry<String, Recording>> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            JsonNode tree;
            try {
                tree = JSON.readTree(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new DriftInputException(name + ": (the file): not a readable JSON file: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            if (!Recording.isRecording(tree)) {
                continue;
            }
            try {
                out.add(Map.entry(name, Recording.read(tree)));
            } catch (RecordingException e) {
                throw new DriftInputException(name + ": " + e.getMessage());
            }
        }
        return out;
    }

    public DriftReport run(List<Map.Entry<String, Recording>> recordings) {
        List<DriftReport.RecordingDrift> results = new ArrayList<>();
        for (Map.Entry<String, Recording> r : recordings) {
            Answer now = send(r.getValue().request());
            results.add(DriftReport.RecordingDrift.of(r.getKey(),
                    comparator.compare(Answer.of(r.getValue().response()), now)));
        }
        return new DriftReport(root, target, results);
    }

    private Answer send(Recording.Request request) {
        String url = root + request.path();
        HttpRequest.BodyPublisher body;
        if (request.body() != null) {
            body = HttpRequest.BodyPublishers.ofString(request.body().toString(), StandardCharsets.UTF_8);
        } else if (request.bodyText() != null) {
            body = HttpRequest.BodyPublishers.ofString(request.bodyText(), StandardCharsets.UTF_8);
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT).method(request.method(), body);
        } catch (IllegalArgumentException e) {
            throw new DriftInputException(url + ": not a URL: " + e.getMessage());
        }
        request.headers().forEach((name, value) -> {
            if (!Redaction.redacts(name)) {
                b.header(name, value);
            }
        });
        b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return Answer.received(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new DriftInputException("--against " + root + ": cannot be reached (" + request.method() + " " + url
                    + ": " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftInputException(url + ": interrupted");
        }
    }
}
