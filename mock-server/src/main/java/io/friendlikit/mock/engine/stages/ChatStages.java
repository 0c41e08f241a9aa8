package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.admin.AdminJson;
import io.friendlikit.mock.admin.FaultHeader;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.TimingModel;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.request.RequestBinder;
import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.recording.ReplayIndex;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.RateLimits;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The chat completions endpoint as its list of stages, in the order the live service is believed to apply
 * them. The first stage that fails answers its error; after the last, the answer is ready to deliver (the HTTP
 * layer's responder is the final stage, "deliver"). Thread-safe: the state of one exchange lives in its
 * {@link ExchangeState}.
 */
public final class ChatStages {

    private final ObjectMapper mapper;
    private final FaultRegistry faults;
    private final ScenarioRegistry scenarios;
    private final List<Stage> stages;
    private final RateLimit rateLimit;

    public ChatStages(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                      ScenarioRegistry scenarios, Sessions sessions) {
        this(config, mapper, catalog, faults, scenarios, sessions, () -> 0);
    }

    /** @param openStreams streams open right now (the timing model's load factor reads it) */
    public ChatStages(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                      ScenarioRegistry scenarios, Sessions sessions, IntSupplier openStreams) {
        this(config, mapper, catalog, faults, scenarios, sessions, openStreams, limits(config));
    }

    /** @param rateLimits the request and token limits in force (those of the settings, or as an admin call set them) */
    public ChatStages(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                      ScenarioRegistry scenarios, Sessions sessions, IntSupplier openStreams, RateLimits rateLimits) {
        this(config, mapper, catalog, faults, scenarios, sessions, openStreams, rateLimits,
                new ReplayIndex(config.get(Setting.REPLAY_MATCH)));
    }

    /** @param replays the recordings loaded from fixture directories, which answer the requests they match */
    public ChatStages(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                      ScenarioRegistry scenarios, Sessions sessions, IntSupplier openStreams, RateLimits rateLimits,
                      ReplayIndex replays) {
        this.mapper = mapper;
        this.faults = faults;
        this.scenarios = scenarios;
        Generator generator = new Generator(config.seed(), config.inlineUnparsedReasoning());
        this.rateLimit = new RateLimit(rateLimits);
        this.stages = List.of(
                new Scope(sessions, new FaultHeader(new AdminJson(mapper))),
                new InjectedError(),
                new Authenticate(config),
                rateLimit,
                new ReadBody(config.maxBodyBytes()),
                new Replay(replays, config.get(Setting.REPLAY_SPEED), config.get(Setting.REPLAY_MISS).equals("404")),
                new Validate(config, catalog, new RequestBinder(mapper)),
                new ResolveModel(config.endpoints()),
                new Budgets(generator),
                new Generate(generator),
                rateLimit.counter(),
                new Pace(timing(config), openStreams, config.seed()),
                new Shape(config, mapper));
    }

    /** The rate limits of the settings ({@code --rate-limit-rpm}, {@code --rate-limit-tpm}). */
    public static RateLimits limits(MockConfig config) {
        return new RateLimits(config.rateLimitRpm(), config.rateLimitTpm());
    }

    /** The timing model of the settings: first-token and inter-token delays, prefill cost, jitter, load. */
    public static TimingModel timing(MockConfig config) {
        return new TimingModel(config.firstTokenMs(), config.get(Setting.PROMPT_TOKEN_MS), config.interTokenMs(),
                config.get(Setting.INTER_TOKEN_JITTER_MS), config.get(Setting.LOAD_FACTOR),
                config.get(Setting.FULL_LOAD_STREAMS));
    }

    /** The names of the stages, in order. */
    public List<String> names() {
        return stages.stream().map(Stage::name).toList();
    }

    /** A fresh state for one exchange. */
    public ExchangeState begin(Exchange exchange) {
        return new ExchangeState(exchange, mapper, faults, scenarios);
    }

    /**
     * Runs the stages until one fails or all have run; returns what to deliver. While a rate limit is on, the answer
     * carries the counters of the exchange's token as they stand once the stages are done.
     */
    public Outcome run(ExchangeState state) {
        for (Stage stage : stages) {
            Stage.Verdict verdict = stage.run(state);
            if (verdict.answered()) {
                return state.answer;
            }
            if (!verdict.proceeds()) {
                return new Outcome.Failure(verdict.error().withHeaders(rateLimit.headers(state)),
                        Pacing.after(verdict.delayMs()));
            }
        }
        Map<String, String> counters = rateLimit.headers(state);
        if (counters.isEmpty()) {
            return state.answer;
        }
        if (state.answer instanceof Outcome.Plain plain) {
            return new Outcome.Plain(plain.json(), plain.pacing(), plain.delivery().withHeaders(counters));
        }
        if (state.answer instanceof Outcome.Stream stream) {
            return new Outcome.Stream(stream.plan(), stream.pacing(), stream.delivery().withHeaders(counters));
        }
        return state.answer;
    }
}
