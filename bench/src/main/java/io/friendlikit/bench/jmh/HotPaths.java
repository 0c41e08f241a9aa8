package io.friendlikit.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.delivery.StreamPlan;
import io.friendlikit.mock.engine.AnswerBuilder;
import io.friendlikit.mock.engine.ChatService;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.http.SseWriter;
import io.friendlikit.mock.request.RequestBinder;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.RequestValidator;
import io.friendlikit.mock.validation.ValidationContext;
import io.friendlikit.mock.validation.Violation;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.Usage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The mock's hot paths on the harness's own request ({@code bench/request.json}, and its streamed twin), one
 * benchmark per step of a plain or streamed exchange and one for the whole {@link ChatService#handle}. Run with
 * the GC profiler so that the allocation per operation ({@code gc.alloc.rate.norm}, B/op) is reported:
 *
 * <pre>
 * mvn -q -B -ntp package -DskipTests
 * java -cp bench/target/friendli-bench.jar:mock-server/target/friendli-mock-server.jar \
 *     org.openjdk.jmh.Main HotPaths -prof gc
 * </pre>
 *
 * Each step is measured on inputs prepared once, so a figure is that step alone; the two {@code handle}
 * benchmarks add them up with the journal, ids, the clock and the fault look-ups.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HotPaths {

    private static final Map<String, String> HEADERS = Map.of("host", "127.0.0.1:8080",
            "authorization", "Bearer bench", "content-type", "application/json", "content-length", "0");

    private ObjectMapper mapper;
    private byte[] plainBody;
    private byte[] streamBody;
    private JsonNode plainTree;
    private RequestValidator validator;
    private ValidationContext context;
    private RequestBinder binder;
    private ChatRequest plainRequest;
    private ChatRequest streamRequest;
    private ModelInfo model;
    private Generator generator;
    private int promptTokens;
    private int budget;
    private Generation generation;
    private AnswerBuilder answers;
    private AnswerBuilder.Meta meta;
    private Usage usage;
    private List<String> streamPayloads;
    private ChatService service;
    private Exchange plainExchange;
    private Exchange streamExchange;

    @Setup
    public void setUp() throws IOException {
        mapper = Mappers.wire();
        plainBody = resource("bench/request.json");
        streamBody = resource("bench/stream-request.json");
        plainTree = mapper.readTree(plainBody);
        ModelCatalog catalog = ModelCatalog.defaults();
        model = catalog.find(plainTree.get("model").asText()).orElseThrow();
        MockConfig config = MockConfig.defaults();
        validator = new RequestValidator();
        context = new ValidationContext(ValidationContext.Flavour.SERVERLESS, config.strictUnknownFields(), model,
                config.openAiSchemaMembers());
        binder = new RequestBinder(mapper);
        plainRequest = binder.bind(plainTree);
        streamRequest = binder.bind(mapper.readTree(streamBody));
        generator = new Generator(config.seed(), config.inlineUnparsedReasoning());
        promptTokens = generator.promptTokens(plainRequest);
        budget = Generator.budget(plainRequest, model, promptTokens);
        generation = generator.generate(plainRequest, model, promptTokens, budget);
        answers = new AnswerBuilder();
        meta = new AnswerBuilder.Meta("chatcmpl-0123456789abcdef0123456789abcdef", 1_700_000_000L,
                plainRequest.model(), plainRequest.logprobs());
        usage = new Usage(generation.promptTokens(), generation.completionTokens(),
                generation.promptTokens() + generation.completionTokens());
        // The journal keeps the default number of entries, as the server does.
        service = new ChatService(config, mapper, catalog, new FaultRegistry(), new ScenarioRegistry(),
                new Journal(config.journalSize()));
        plainExchange = exchange(plainBody);
        streamExchange = exchange(streamBody);
        if (!(service.handle(plainExchange) instanceof Outcome.Plain)) {
            throw new IllegalStateException("the benchmark request is not answered 200: " + service.handle(plainExchange));
        }
        Outcome stream = service.handle(streamExchange);
        if (!(stream instanceof Outcome.Stream s)) {
            throw new IllegalStateException("the stream request is not answered with a stream: " + stream);
        }
        streamPayloads = s.plan().payloads();
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = HotPaths.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name + " on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static Exchange exchange(byte[] body) {
        return new Exchange(ValidationContext.Flavour.SERVERLESS, "POST", "/serverless/v1/chat/completions", HEADERS,
                body, false);
    }

    /** Reading the body as a JSON tree. */
    @Benchmark
    public JsonNode parse() throws IOException {
        return mapper.readTree(plainBody);
    }

    /** Every field rule over the parsed tree. */
    @Benchmark
    public List<Violation> validate() {
        return validator.validate(plainTree, context);
    }

    /** The validated tree bound to a request record. */
    @Benchmark
    public ChatRequest bind() {
        return binder.bind(plainTree);
    }

    /** Prompt tokens, budget and the generated tokens of the answer. */
    @Benchmark
    public Generation generate() {
        int prompt = generator.promptTokens(plainRequest);
        return generator.generate(plainRequest, model, prompt, Generator.budget(plainRequest, model, prompt));
    }

    /** The plain answer built and written as JSON bytes. */
    @Benchmark
    public byte[] plainJson() throws IOException {
        return mapper.writeValueAsBytes(answers.plain(generation, meta, usage));
    }

    /** The chunks of the streamed answer, built and each written as JSON (as the engine's chunk writer does). */
    @Benchmark
    public void streamChunksJson(Blackhole bh) throws IOException {
        for (ChatChunk c : answers.chunks(generation, meta, null)) {
            bh.consume(mapper.writeValueAsString(c));
        }
    }

    /** The SSE framing of every payload of the stream (what the SSE writer encodes per frame). */
    @Benchmark
    public void sseFrames(Blackhole bh) {
        for (String payload : streamPayloads) {
            ByteBuffer frame = SseWriter.frame(payload);
            bh.consume(frame);
        }
    }

    /** The whole plain exchange without HTTP: every stage, the journal, the JSON answer. */
    @Benchmark
    public Outcome handlePlain() {
        return service.handle(plainExchange);
    }

    /** The whole streamed exchange without HTTP: every stage, the journal, every frame's payload rendered. */
    @Benchmark
    public StreamPlan handleStream() {
        return ((Outcome.Stream) service.handle(streamExchange)).plan();
    }
}
