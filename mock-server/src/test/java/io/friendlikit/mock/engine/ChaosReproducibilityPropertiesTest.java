package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.ValidationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: a seeded chaos run is reproducible. The same server seed, the same faults (with their probabilities
 * and seeds) added in the same order, and the same sequence of requests fire the same faults on the same requests
 * and answer the same bytes, headers and statuses included.
 */
class ChaosReproducibilityPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fault as a test adds it: the fault, its times, probability and seed. */
    record Added(Fault fault, Integer times, double probability, Long seed) {
    }

    record Run(List<String> answers, List<List<String>> fired) {
    }

    @Property(tries = 200)
    void theSameSeedsAndRequestsGiveTheSameRun(@ForAll long serverSeed, @ForAll("faults") List<Added> faults,
                                               @ForAll("requests") List<String> requests) throws Exception {
        Run first = run(serverSeed, faults, requests);
        Run second = run(serverSeed, faults, requests);
        assertThat(second.fired()).as("faults fired, request by request").isEqualTo(first.fired());
        assertThat(second.answers()).as("what each request was answered").isEqualTo(first.answers());
        assertThat(first.answers()).hasSize(requests.size());
    }

    @Property(tries = 50)
    void aFaultFiresOnExactlyTheRequestsItsDocumentedDrawsPick(@ForAll long serverSeed, @ForAll long faultSeed)
            throws Exception {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add("{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"Hi\"}],\"stream\":true,\"max_tokens\":3}");
        }
        Run run = run(serverSeed, List.of(new Added(new Fault.DropDone(), null, 0.5, faultSeed)), requests);
        List<List<String>> expected = new ArrayList<>();
        for (long n = 0; n < requests.size(); n++) {
            expected.add(io.friendlikit.mock.script.Chance.fires(serverSeed, faultSeed, n, 0.5)
                    ? List.of("drop_done") : List.of());
        }
        assertThat(run.fired()).isEqualTo(expected);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(run.answers().get(i)).as("request %d ends with [DONE] unless the fault fired", i)
                    .contains(expected.get(i).isEmpty() ? "done=true" : "done=false");
        }
    }

    private static Run run(long serverSeed, List<Added> faults, List<String> requests) throws Exception {
        MockConfig config = MockConfig.defaults().toBuilder().set(Setting.SEED, serverSeed)
                .set(Setting.CLOCK, MockConfig.fixedClock(1_750_000_000L)).build();
        FaultRegistry registry = new FaultRegistry(serverSeed);
        for (Added a : faults) {
            registry.add(a.fault(), a.times(), a.probability(), a.seed());
        }
        Journal journal = new Journal(1_000);
        ChatService service = new ChatService(config, io.friendlikit.mock.engine.Mappers.wire(),
                ModelCatalog.defaults(), registry, new ScenarioRegistry(), journal);
        List<String> answers = new ArrayList<>();
        for (String body : requests) {
            Outcome outcome = service.handle(new Exchange(ValidationContext.Flavour.SERVERLESS, "POST",
                    "/serverless/v1/chat/completions", Map.of("authorization", "Bearer t",
                    "content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8), false));
            answers.add(describe(outcome));
        }
        return new Run(answers, journal.entries().stream().map(Journal.Entry::faults).toList());
    }

    /** Everything a client could observe of an outcome, as text. */
    private static String describe(Outcome outcome) throws Exception {
        if (outcome instanceof Outcome.Failure f) {
            return "failure " + JSON.writeValueAsString(f.error()) + " after " + f.pacing();
        }
        if (outcome instanceof Outcome.Plain p) {
            return "plain " + new String(p.json(), StandardCharsets.UTF_8) + " " + p.pacing() + " " + p.delivery();
        }
        Outcome.Stream s = (Outcome.Stream) outcome;
        StringBuilder due = new StringBuilder();
        for (int i = 0; i < s.plan().payloads().size(); i++) {
            due.append(s.plan().schedule().dueMs(i)).append(' ');
        }
        return "stream " + s.plan().payloads() + " done=" + s.plan().done() + " afterDone=" + s.plan().afterDone()
                + " disconnectAfter=" + s.plan().disconnectAfter() + " errorAfter=" + s.plan().errorAfter()
                + " errorEvent=" + s.plan().errorEvent() + " due=" + due + s.pacing() + " " + s.delivery();
    }

    @Provide
    Arbitrary<List<Added>> faults() {
        Arbitrary<Fault> fault = Arbitraries.oneOf(
                Arbitraries.integers().between(400, 599).map(st -> new Fault.HttpError(st, "chaos", null, 250, true)),
                Arbitraries.integers().between(1, 1_000).map(l -> new Fault.RateLimit(l, 2, null, false)),
                Arbitraries.just(new Fault.DropDone()),
                Arbitraries.just(new Fault.DataAfterDone()),
                Arbitraries.just(new Fault.MixedIds()),
                Arbitraries.just(new Fault.MissingRole()),
                Arbitraries.just(new Fault.SkipValidation()),
                Arbitraries.integers().between(0, 5).map(Fault.Disconnect::new),
                Arbitraries.integers().between(0, 5).map(k -> new Fault.StreamError(k, "boom")),
                Arbitraries.integers().between(-3, 3).map(Fault.WrongUsageTotal::new),
                Arbitraries.integers().between(1, 6).map(Fault.MalformedChunk::new),
                Arbitraries.integers().between(0, 4).map(Fault.Stall::new),
                Arbitraries.integers().between(1, 16).map(b -> new Fault.Trickle(b, 10)),
                Arbitraries.integers().between(0, 50).map(ms -> new Fault.Latency(ms, 0)));
        Arbitrary<Integer> times = Arbitraries.integers().between(1, 4).injectNull(0.4);
        Arbitrary<Double> probability = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(1.0),
                Arbitraries.doubles().between(0, 1));
        Arbitrary<Long> seed = Arbitraries.longs().injectNull(0.5);
        return Combinators.combine(fault, times, probability, seed).as(Added::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> requests() {
        Arbitrary<String> request = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 1_000).injectNull(0.5),
                Arbitraries.of("Hello", "What is the weather?", "Count to three"))
                .as((stream, max, seed, text) -> "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":"
                        + "\"user\",\"content\":\"" + text + "\"}],\"stream\":" + stream + ",\"max_tokens\":" + max
                        + (seed == null ? "" : ",\"seed\":" + seed) + "}");
        return request.list().ofMinSize(1).ofMaxSize(12);
    }
}
