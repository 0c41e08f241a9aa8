package io.friendlikit.mock.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.request.RequestBinder;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.Pacing;
import io.friendlikit.mock.script.Scenario;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.StreamPlan;
import io.friendlikit.mock.validation.RequestValidator;
import io.friendlikit.mock.validation.ValidationContext;
import io.friendlikit.mock.validation.Violation;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.Usage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The chat completions endpoint without HTTP: auth, parsing, validation, model lookup, generation and the shape
 * of the answer, in the order the live service is believed to apply them. Records every exchange in the journal.
 */
public final class ChatService {

    /** Most tokens (alternatives included) one answer may make the mock hold in memory. */
    public static final long GENERATION_LIMIT = 2_000_000;
    /** Bodies larger than this are journaled as their first 4096 bytes of text only. */
    static final int JOURNAL_BODY_LIMIT = 65_536;
    /** Most chunks one stream may have (each is a few hundred bytes held until written). */
    public static final int STREAM_CHUNK_LIMIT = 65_536;
    /** Upper bound of a natural text answer with its reasoning, in tokens (see TextComposer, Generator). */
    private static final int NATURAL_CEILING = 1_000;

    private final MockConfig config;
    private final ObjectMapper mapper;
    private final ModelCatalog catalog;
    private final RequestValidator validator = new RequestValidator();
    private final RequestBinder binder;
    private final Generator generator;
    private final IdSource ids;
    private final AnswerBuilder answers = new AnswerBuilder();
    private final ChunkWriter chunkWriter;
    private final RateLimiter rateLimiter;
    private final FaultRegistry faults;
    private final ScenarioRegistry scenarios;
    private final Journal journal;

    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Journal journal) {
        this.config = config;
        this.mapper = mapper;
        this.catalog = catalog;
        this.binder = new RequestBinder(mapper);
        this.generator = new Generator(config.seed(), config.inlineUnparsedReasoning());
        this.ids = new IdSource(config.seed());
        this.chunkWriter = new ChunkWriter(mapper);
        this.rateLimiter = new RateLimiter(config.rateLimitRpm());
        this.faults = faults;
        this.scenarios = scenarios;
        this.journal = journal;
    }

    public Outcome handle(Exchange exchange) {
        List<Fault> active = faults.take();
        Pacing pacing = new Pacing(config.firstTokenMs(), config.interTokenMs());
        for (Fault f : active) {
            pacing = f.pacing(pacing);
        }
        Attempt attempt = new Attempt(exchange, active, pacing);
        Outcome outcome = attempt.run();
        record(exchange, attempt, outcome);
        return outcome;
    }

    /** The state of one request as it moves through the checks. */
    private final class Attempt {
        final Exchange exchange;
        final List<Fault> active;
        final Pacing pacing;
        JsonNode body;
        List<Violation> violations = List.of();
        boolean stream;

        Attempt(Exchange exchange, List<Fault> active, Pacing pacing) {
            this.exchange = exchange;
            this.active = active;
            this.pacing = pacing;
        }

        /** An error answered at once. */
        Outcome fail(ApiError error) {
            return failAfter(error, 0);
        }

        Outcome failAfter(ApiError error, long delayMs) {
            violations = error.violations();
            return new Outcome.Failure(error, new Pacing(delayMs, 0));
        }

        Outcome run() {
            for (Fault f : active) {
                Optional<ApiError> injected = f.beforeHeaders();
                if (injected.isPresent()) {
                    tryParse();
                    return fail(injected.get());
                }
            }
            if (exchange.flavour() != ValidationContext.Flavour.CONTAINER) {
                Optional<ApiError> authError = authenticate(exchange.headers());
                if (authError.isPresent()) {
                    tryParse();
                    return fail(authError.get());
                }
            }
            String key = exchange.headers().getOrDefault("authorization", "(no token)");
            OptionalLong retryAfter = rateLimiter.acquire(key.length() > 256 ? key.substring(0, 256) : key,
                    System.nanoTime());
            if (retryAfter.isPresent()) {
                tryParse();
                return fail(ApiError.rateLimited(config.rateLimitRpm(), retryAfter.getAsLong()));
            }
            if (exchange.bodyTooLarge()) {
                return fail(ApiError.payloadTooLarge(config.maxBodyBytes()));
            }
            String contentType = exchange.headers().get("content-type");
            if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
                tryParse();
                return fail(ApiError.unsupportedMediaType(contentType));
            }
            try {
                body = mapper.readTree(exchange.body());
            } catch (JsonProcessingException e) {
                return fail(ApiError.malformedJson(e));
            } catch (java.io.IOException | RuntimeException e) {
                return fail(ApiError.malformedJson("unreadable body"));
            }
            if (body == null || body.isMissingNode()) {
                return fail(ApiError.malformedJson("the body is empty; expected a JSON object"));
            }
            stream = body.path("stream").asBoolean(false);
            String modelId = body.path("model").isTextual() ? body.path("model").asText() : null;
            ModelInfo model = exchange.flavour() == ValidationContext.Flavour.SERVERLESS
                    ? catalog.find(modelId).orElse(null) : null;
            boolean skipValidation = active.stream().anyMatch(Fault::skipsValidation);
            if (!skipValidation) {
                ValidationContext ctx = new ValidationContext(exchange.flavour(), config.strictUnknownFields(),
                        model, config.openAiSchemaMembers());
                List<Violation> found = validator.validate(body, ctx);
                if (!found.isEmpty()) {
                    return fail(ApiError.invalidRequest(found));
                }
            } else if (!body.isObject()) {
                return fail(ApiError.malformedJson("the body must be a JSON object"));
            }
            Optional<ApiError> unknown = checkModel(exchange.flavour(), modelId, model);
            if (unknown.isPresent()) {
                return fail(unknown.get());
            }
            ChatRequest request = binder.bind(body);
            int promptTokens = generator.promptTokens(request);
            int context = model == null ? Integer.MAX_VALUE : model.contextLength();
            if (model != null && (promptTokens > context
                    || (request.maxTokens() != null && (long) promptTokens + request.maxTokens() > context))) {
                return fail(ApiError.contextLengthExceeded(request.maxTokens() == null ? "messages" : "max_tokens",
                        promptTokens, request.maxTokens() == null ? null : body.get("max_tokens").asLong(), context));
            }
            long worst = worstCaseTokens(request, Generator.budget(request, model, promptTokens));
            if (worst > GENERATION_LIMIT) {
                return fail(ApiError.generationLimit(worst, GENERATION_LIMIT));
            }
            Optional<Scenario> scripted = scenarios.match(request);
            Generation generation = scripted.isPresent()
                    ? generator.replay(request, model, scripted.get().reply())
                    : generator.generate(request, model);
            return answer(request, generation);
        }

        void tryParse() {
            try {
                body = exchange.body().length == 0 ? null : mapper.readTree(exchange.body());
            } catch (java.io.IOException | RuntimeException e) {
                body = null;
            }
        }

        Outcome answer(ChatRequest request, Generation generation) {
            String id = ids.completionId(exchange.body(), request.seeds() != null);
            long created = config.clock().instant().getEpochSecond();
            String modelOut = request.model();
            AnswerBuilder.Meta meta = new AnswerBuilder.Meta(id, created, modelOut, request.logprobs());
            JsonNode timeout = body.get("timeout_microseconds");
            if (timeout != null && timeout.canConvertToLong() && timeout.asLong() > 0) {
                long needMs = pacing.firstTokenMs() + (request.stream()
                        ? pacing.interTokenMs() * Math.max(0, generation.completionTokens() - 1) : 0);
                long timeoutMs = timeout.asLong() / 1000;
                if (needMs > timeoutMs) {
                    return failAfter(ApiError.timedOut(timeout.asLong(), needMs), timeoutMs);
                }
            }
            int completion = generation.completionTokens();
            Usage usage = new Usage(generation.promptTokens(), completion, generation.promptTokens() + completion);
            for (Fault f : active) {
                usage = f.usage(usage);
            }
            try {
                if (!request.stream()) {
                    return new Outcome.Plain(mapper.writeValueAsBytes(answers.plain(generation, meta, usage)),
                            pacing);
                }
                boolean withUsage = request.includeUsage() || config.usageChunkAlways();
                long chunkCount = answers.chunkCount(generation) + (withUsage ? 1 : 0);
                if (chunkCount > STREAM_CHUNK_LIMIT) {
                    return fail(ApiError.streamLimit(chunkCount, STREAM_CHUNK_LIMIT));
                }
                List<ChatChunk> chunks = sampledAt(answers.chunks(generation, meta, withUsage ? usage : null),
                        pacing);
                for (Fault f : active) {
                    chunks = f.chunks(chunks);
                }
                StreamPlan plan = StreamPlan.of(chunkWriter.write(chunks));
                for (Fault f : active) {
                    plan = f.stream(plan);
                }
                return new Outcome.Stream(plan, pacing);
            } catch (JsonProcessingException e) {
                return fail(ApiError.internal("cannot serialize the answer: " + e.getOriginalMessage()));
            }
        }
    }

    /**
     * Gives each chunk the second it will be written at under the pacing (spec section 9.2: {@code created} is when
     * the token was sampled, so it advances during a slow stream). Unpaced streams keep one timestamp.
     */
    static List<ChatChunk> sampledAt(List<ChatChunk> chunks, Pacing pacing) {
        if (pacing.firstTokenMs() == 0 && pacing.interTokenMs() == 0) {
            return chunks;
        }
        List<ChatChunk> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            ChatChunk c = chunks.get(i);
            long offsetSeconds = (pacing.firstTokenMs() + pacing.interTokenMs() * i) / 1000;
            out.add(new ChatChunk(c.id(), c.object(), c.created() + offsetSeconds, c.model(), c.choices(), c.usage()));
        }
        return out;
    }

    /**
     * The most tokens (logprob alternatives included) this request could make the mock hold: n choices of at most
     * the budget each — or, for plain text, of the natural length (with reasoning) unless min_tokens asks for more.
     */
    static long worstCaseTokens(ChatRequest request, int budget) {
        boolean unbounded = !request.tools().isEmpty() || (request.responseFormat() != null
                && request.responseFormat().type() != io.friendlikit.mock.wire.ResponseFormat.Type.TEXT);
        long perChoice = unbounded ? budget : Math.min(budget, Math.max(request.minTokens(), NATURAL_CEILING));
        return request.n() * perChoice * (1 + (request.topLogprobs() == null ? 0 : request.topLogprobs()));
    }

    private Optional<ApiError> authenticate(Map<String, String> headers) {
        String auth = headers.get("authorization");
        if (auth == null) {
            return Optional.of(ApiError.unauthorized(
                    "missing Authorization header; send 'Authorization: Bearer <token>'"));
        }
        String trimmed = auth.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(ApiError.unauthorized(
                    "Authorization scheme must be Bearer, got '" + scheme + "'; send 'Authorization: Bearer <token>'"));
        }
        String token = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (token.isEmpty()) {
            return Optional.of(ApiError.unauthorized("the bearer token is empty; send 'Authorization: Bearer <token>'"));
        }
        if (!config.tokens().isEmpty() && !config.tokens().contains(token)) {
            return Optional.of(ApiError.unauthorized("invalid token: it is not one of the mock's accepted tokens"));
        }
        String team = headers.get("x-friendli-team");
        if (team != null && !config.teams().isEmpty() && !config.teams().contains(team)) {
            return Optional.of(ApiError.forbiddenTeam(team));
        }
        return Optional.empty();
    }

    private Optional<ApiError> checkModel(ValidationContext.Flavour flavour, String modelId, ModelInfo model) {
        if (flavour == ValidationContext.Flavour.SERVERLESS && model == null) {
            return Optional.of(ApiError.modelNotFound(String.valueOf(modelId)));
        }
        if (flavour == ValidationContext.Flavour.DEDICATED && !config.endpoints().contains(modelId)) {
            return Optional.of(ApiError.endpointNotFound(String.valueOf(modelId)));
        }
        return Optional.empty();
    }

    private void record(Exchange exchange, Attempt attempt, Outcome outcome) {
        int status = outcome instanceof Outcome.Failure f ? f.error().status() : 200;
        String error = outcome instanceof Outcome.Failure f ? f.error().message() : null;
        Map<String, String> headers = new LinkedHashMap<>(exchange.headers());
        headers.computeIfPresent("authorization", (k, v) -> mask(v));
        String raw = null;
        JsonNode kept = attempt.body;
        if (exchange.body().length > JOURNAL_BODY_LIMIT) {
            kept = null; // a full journal of large bodies would hold gigabytes
        }
        if (kept == null && exchange.body().length > 0) {
            int end = Math.min(exchange.body().length, 4096);
            raw = new String(exchange.body(), 0, end, StandardCharsets.UTF_8);
        }
        List<String> faultTypes = attempt.active.stream().map(Fault::type).toList();
        journal.record(new Journal.Entry(journal.nextId(), config.clock().instant(), exchange.method(),
                exchange.path(), headers, kept, raw, status, error, attempt.violations, faultTypes,
                attempt.stream));
    }

    private static String mask(String authorization) {
        String t = authorization.trim();
        int space = t.indexOf(' ');
        if (space < 0) {
            return "***";
        }
        String token = t.substring(space + 1).trim();
        String visible = token.length() > 4 ? token.substring(0, 4) : "";
        return t.substring(0, space) + " " + visible + "***";
    }
}
