package io.friendlikit.conformance;

import io.friendlikit.conformance.StandInServer.Quirk;
import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.conformance.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit judges a server by the rule it broke, and only by that. A stand-in server (not the mock: an HTTP server
 * of its own that rewrites the wire format) that differs from Friendli only in legal ways gets no firm failure;
 * one broken in a single way fails exactly the rules about that.
 */
class ThirdPartyServerTest {

    private static final Set<String> FAILED = Set.of("FAILED");

    @Test
    void aServerThatDiffersFromFriendliOnlyInLegalWaysHasNoFirmFailure(@TempDir Path reports) throws Exception {
        try (StandInServer server = StandInServer.start(Quirk.legalOnes())) {
            Path page = reports.resolve("summary.html");
            KitRunner.RunResult result = run(server, "not @mock-control", KitRunner.SUMMARY_PLUGIN + ":" + page);

            assertThat(result.found()).isGreaterThan(200);
            List<KitRunner.Outcome> firm = failures(result, Verdict.Weight.FIRM);
            assertThat(firm).as("firm failures against a legal server").isEmpty();
            // the differences from Friendli are reported as such, under their own rules
            assertThat(ruleIds(failures(result, Verdict.Weight.FRIENDLI)))
                    .contains("SSE-02", "SSE-09", "TOOL-12", "VAL-09");
            assertThat(ruleIds(failures(result, Verdict.Weight.GUESS))).contains("RESP-02");
            assertThat(result.outcomes()).filteredOn(o -> FAILED.contains(o.status()))
                    .allSatisfy(o -> assertThat(o.message().substring(0, Math.min(200, o.message().length())))
                            .startsWith("[" + o.ruleIds().get(0) + "] expected").contains("; got "));
            // the comparison page groups the failures by family and by what they mean, with counts
            String html = Files.readString(page);
            assertThat(html).contains("Failures by cause").contains("<a href=\"#stream-framing\">stream framing</a>")
                    .contains("differs from Friendli (@friendli-specific)").contains("[SSE-09] expected");
            assertThat(html).containsPattern("stream framing</a></td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">[1-9]");
        }
    }

    static Stream<Arguments> brokenServers() {
        return Stream.of(
                Arguments.of(Quirk.MIXED_CHUNK_IDS, "@streaming", Set.of("SSE-04"), Set.of()),
                Arguments.of(Quirk.NO_USAGE, "@stream-options", Set.of("USG-02", "USG-03"), Set.of()),
                Arguments.of(Quirk.NO_LOGPROBS, "@logprobs", Set.of("LOGP-01", "LOGP-03", "LOGP-06"), Set.of("LOGP-04")),
                Arguments.of(Quirk.FINISH_TWICE, "@streaming", Set.of("SSE-06"), Set.of("SSE-09")),
                Arguments.of(Quirk.REJECT_CONTENT_PARTS, "@accepted-forms", Set.of("FORM-01"), Set.of()),
                Arguments.of(Quirk.ACCEPT_SCHEMALESS_JSON_SCHEMA, "@response-format", Set.of(), Set.of("FMT-06")),
                Arguments.of(Quirk.SHORT_TOOL_IDS, "@tools and not @costly", Set.of(), Set.of("TOOL-12")));
    }

    @ParameterizedTest(name = "{0} fails exactly {2} (firm) and {3} (not firm)")
    @MethodSource("brokenServers")
    void aServerBrokenInOneWayFailsExactlyTheRulesAboutIt(Quirk quirk, String tags, Set<String> firm, Set<String> notFirm)
            throws Exception {
        try (StandInServer server = StandInServer.start(EnumSet.of(quirk))) {
            KitRunner.RunResult result = run(server, tags);

            assertThat(result.found()).isPositive();
            assertThat(ruleIds(failures(result, Verdict.Weight.FIRM))).as("firm failures; outcomes %s", result.outcomes())
                    .isEqualTo(new TreeSet<>(firm));
            Set<String> others = new TreeSet<>(ruleIds(failures(result, Verdict.Weight.GUESS)));
            others.addAll(ruleIds(failures(result, Verdict.Weight.FRIENDLI)));
            assertThat(others).as("other failures").isEqualTo(new TreeSet<>(notFirm));
        }
    }

    @Test
    void aServerWithTheAdminApiThatAnswersA429WithoutRetryAfterFailsTheRetryRules() throws Exception {
        try (StandInServer server = StandInServer.start(EnumSet.of(Quirk.FORWARD_ADMIN, Quirk.NO_RETRY_AFTER))) {
            Map<Setting, String> settings = new EnumMap<>(Setting.class);
            settings.put(Setting.BASE_URL, server.baseUrl());
            settings.put(Setting.ADMIN_URL, server.origin() + "/__admin");
            KitRunner.RunResult result = Console.capture(() -> new KitRunner().run(settings, Optional.of("@CTL-01 or @CTL-07"), List.of(KitRunner.SUMMARY_PLUGIN))).value();

            assertThat(ruleIds(failures(result, Verdict.Weight.FIRM))).isEqualTo(new TreeSet<>(Set.of("CTL-01", "CTL-07")));
            assertThat(failures(result, Verdict.Weight.FIRM)).anySatisfy(o -> assertThat(o.message())
                    .startsWith("[CTL-07] expected a Retry-After header").contains("got no Retry-After header"));
        }
    }

    @Test
    void theRuntimeLimitScenariosAreSkippedWithTheReasonOnAServerWithoutTheAdminApi() throws Exception {
        try (StandInServer server = StandInServer.start(Quirk.legalOnes())) {
            KitRunner.RunResult result = run(server, "@CTL-08 or @CTL-09 or @CTL-10");

            assertThat(result.found()).isEqualTo(3);
            assertThat(result.skipped()).isEqualTo(3);
            assertThat(result.outcomes()).extracting(KitRunner.Outcome::status).containsOnly("ABORTED");
            assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.message())
                    .startsWith("@mock-control scenario needs the mock admin API"));
        }
    }

    /** A server that accepts each connection and closes it at once: a transport failure, reported under the rule. */
    @Test
    void aConnectionClosedWithoutAnAnswerFailsTheRuleOnceWithoutRetrying() throws Exception {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket client = socket.accept()) {
                        String requestLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                                client.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                        if (requestLine != null && requestLine.startsWith("POST ")) {
                            connections.incrementAndGet();
                        }
                        client.setSoLinger(true, 0);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "closing-server");
            acceptor.setDaemon(true);
            acceptor.start();
            Map<Setting, String> settings = new EnumMap<>(Setting.class);
            settings.put(Setting.BASE_URL, "http://127.0.0.1:" + socket.getLocalPort() + "/serverless/v1");
            settings.put(Setting.TIMEOUT_SECONDS, "10");
            KitRunner.RunResult result = Console.capture(() -> new KitRunner().run(settings, Optional.of("@VAL-10"), List.of(KitRunner.SUMMARY_PLUGIN))).value();

            assertThat(result.failed()).isEqualTo(1);
            assertThat(result.outcomes()).singleElement().satisfies(o -> assertThat(o.message())
                    .startsWith("[VAL-10] expected an HTTP response; got no response (")
                    .contains("; request POST /serverless/v1/chat/completions"));
            assertThat(connections.get()).as("POST requests received for one scenario (no silent retry)").isEqualTo(1);
        }
    }

    private static KitRunner.RunResult run(StandInServer server, String tags) {
        return run(server, tags, KitRunner.SUMMARY_PLUGIN);
    }

    private static KitRunner.RunResult run(StandInServer server, String tags, String plugin) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.BASE_URL, server.baseUrl());
        settings.put(Setting.INCLUDE_COSTLY, "true");
        return Console.capture(() -> new KitRunner().run(settings, Optional.of(tags), List.of(plugin))).value();
    }

    private static List<KitRunner.Outcome> failures(KitRunner.RunResult result, Verdict.Weight weight) {
        return result.outcomes().stream().filter(o -> FAILED.contains(o.status()) && o.weight() == weight).toList();
    }

    private static Set<String> ruleIds(List<KitRunner.Outcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.ruleIds().stream()).collect(Collectors.toCollection(TreeSet::new));
    }
}
