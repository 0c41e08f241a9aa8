package io.friendlikit.mock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code friendli-mock-server.jar verdict --url http://127.0.0.1:8080 [--session S] [--fail-on rules,checks]
 * [--admin-token T]}: reads a running mock's client verdict ({@code GET /__admin/verdict}), prints it for a
 * person, and exits 0 when it passes, 1 when it fails on what {@code --fail-on} names, 2 on bad usage or when the
 * mock cannot be read (the line names the URL).
 */
public final class VerdictCommand {

    static final String USAGE = "usage: verdict --url http://127.0.0.1:8080 [--session NAME]"
            + " [--fail-on rules,checks|none] [--admin-token TOKEN]";
    /** What a failing verdict may be failed on: rules broken, behaviour checks failed. */
    static final Set<String> FAIL_ON = Set.of("rules", "checks", "none");

    private VerdictCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!List.of("--url", "--session", "--fail-on", "--admin-token").contains(name) || i + 1 >= args.size()) {
                err.println("friendli-mock verdict: " + (name.startsWith("--") && i + 1 >= args.size()
                        ? name + " needs a value" : "unknown option '" + name + "'") + "; " + USAGE);
                return 2;
            }
            options.put(name, args.get(++i));
        }
        String url = options.get("--url");
        if (url == null) {
            err.println("friendli-mock verdict: --url is required; " + USAGE);
            return 2;
        }
        Set<String> failOn = Set.of(options.getOrDefault("--fail-on", "rules,checks").split(","));
        if (!FAIL_ON.containsAll(failOn)) {
            err.println("friendli-mock verdict: --fail-on takes rules, checks or none (comma-separated), got '"
                    + options.get("--fail-on") + "'");
            return 2;
        }
        String root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String target = root + "/__admin/verdict" + (options.containsKey("--session")
                ? "?session=" + URLEncoder.encode(options.get("--session"), StandardCharsets.UTF_8) : "");
        JsonNode verdict;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .GET();
            if (options.containsKey("--admin-token")) {
                request.header("X-Admin-Token", options.get("--admin-token"));
            }
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println("friendli-mock verdict: " + target + " answered HTTP " + response.statusCode() + ": "
                        + response.body());
                return 2;
            }
            verdict = new ObjectMapper().readTree(response.body());
        } catch (IllegalArgumentException badUrl) {
            err.println("friendli-mock verdict: --url '" + url + "' is not a URL: " + badUrl.getMessage());
            return 2;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("friendli-mock verdict: cannot read " + target + " (" + e + ")");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        print(verdict, out);
        boolean rulesFail = failOn.contains("rules") && !verdict.path("rulesBroken").isEmpty();
        boolean checksFail = false;
        for (JsonNode check : verdict.path("checks")) {
            checksFail |= failOn.contains("checks") && "fail".equals(check.path("outcome").asText());
        }
        return rulesFail || checksFail ? 1 : 0;
    }

    private static void print(JsonNode v, PrintStream out) {
        out.println(v.path("summary").asText());
        for (JsonNode r : v.path("rulesBroken")) {
            out.println("  rule " + r.path("rule").asText() + " x" + r.path("count").asInt() + " (first #"
                    + r.path("firstEntry").asLong() + "): " + r.path("message").asText());
        }
        for (JsonNode c : v.path("checks")) {
            out.println("  check " + c.path("id").asText() + ": " + c.path("outcome").asText().replace('_', ' ')
                    + (c.path("cases").asInt() > 0 ? " (" + c.path("cases").asInt() + " judged)" : ""));
            for (JsonNode e : c.path("failed")) {
                out.println("    " + e.path("detail").asText());
            }
        }
        StringBuilder unused = new StringBuilder();
        for (JsonNode f : v.path("features")) {
            if (!f.path("used").asBoolean()) {
                unused.append(unused.length() == 0 ? "" : ", ").append(f.path("id").asText());
            }
        }
        if (unused.length() > 0) {
            out.println("  never used: " + unused);
        }
    }
}
