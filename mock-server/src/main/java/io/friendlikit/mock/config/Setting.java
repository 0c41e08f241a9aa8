package io.friendlikit.mock.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the mock server, one row each: name (which gives the command-line flag, system property and
 * environment variable), default, parser with the values it takes, and description. The resolver, {@code --help},
 * {@link MockConfig} and the embedded builder all read these rows, and a test holds the README table to them.
 * Precedence: flag &gt; system property &gt; environment variable &gt; default.
 *
 * @param <T> the type of the setting's value
 */
public final class Setting<T> {

    private static final List<Setting<?>> ALL = new ArrayList<>();
    private static final List<Setting<?>> VALUES = Collections.unmodifiableList(ALL);

    public static final Setting<Integer> PORT = new Setting<>("port", "8080", Parser.ints(0, 65535),
            "TCP port; 0 picks a free one");
    public static final Setting<String> HOST = new Setting<>("host", "127.0.0.1", Parser.nonBlank(),
            "interface to bind");
    public static final Setting<Set<String>> TOKENS = new Setting<>("tokens", "", Parser.list(),
            "comma-separated accepted bearer tokens; empty accepts any non-empty token");
    public static final Setting<Set<String>> TEAMS = new Setting<>("teams", "", Parser.list(),
            "comma-separated allowed X-Friendli-Team values; empty allows any (others get 403)");
    public static final Setting<Boolean> STRICT = new Setting<>("strict", "true", Parser.bool(),
            "true: unknown request fields are a 422 'no such field'; false: ignored");
    public static final Setting<Long> SEED = new Setting<>("seed", "0", Parser.longs(Long.MIN_VALUE, Long.MAX_VALUE),
            "server seed for ids and for text of requests that carry no seed");
    public static final Setting<Long> MAX_BODY_BYTES = new Setting<>("max-body-bytes", "1048576",
            Parser.longs(1, Long.MAX_VALUE), "largest accepted request body in bytes (larger: 413)");
    public static final Setting<ErrorEnvelope> ERROR_ENVELOPE = new Setting<>("error-envelope", "both",
            Parser.oneOf(ErrorEnvelope.class),
            "error body: both (top-level message and OpenAI error object), message, or openai");
    public static final Setting<Set<String>> ENDPOINTS = new Setting<>("endpoints",
            "dep0mockendpt01,dep0mockendpt01:my-adapter", Parser.list(),
            "comma-separated dedicated endpoint ids (ID or ID:ADAPTER) that exist");
    public static final Setting<Boolean> ADMIN = new Setting<>("admin", "true", Parser.bool(),
            "serve the admin API under /__admin (faults, scenarios, journal)");
    public static final Setting<Long> FIRST_TOKEN_MS = new Setting<>("first-token-ms", "0", Parser.longs(0, 600_000),
            "delay before the first streamed chunk (and before a plain answer)");
    public static final Setting<Long> INTER_TOKEN_MS = new Setting<>("inter-token-ms", "0", Parser.longs(0, 60_000),
            "delay between streamed chunks");
    public static final Setting<Double> PROMPT_TOKEN_MS = new Setting<>("prompt-token-ms", "0",
            Parser.doubles(0, 1_000), "added to the first-token delay per prompt token (prefill time)");
    public static final Setting<Double> INTER_TOKEN_JITTER_MS = new Setting<>("inter-token-jitter-ms", "0",
            Parser.doubles(0, 60_000), "standard deviation of a normal jitter of the delay between chunks, seeded "
            + "per request (the same request gets the same delays)");
    public static final Setting<Double> LOAD_FACTOR = new Setting<>("load-factor", "1", Parser.doubles(1, 100),
            "delay multiplier at full load: delays grow linearly with open streams up to this factor at "
            + "--full-load-streams; 1 means load has no effect");
    public static final Setting<Integer> FULL_LOAD_STREAMS = new Setting<>("full-load-streams", "100",
            Parser.ints(1, 1_000_000), "open streams at which --load-factor applies in full");
    public static final Setting<Clock> CLOCK = new Setting<>("clock", "system", Parser.clock(),
            "'system', or 'fixed:<unix seconds>' to pin every created timestamp");
    public static final Setting<Integer> JOURNAL_SIZE = new Setting<>("journal-size", "1000",
            Parser.ints(0, 1_000_000), "requests kept in the journal (oldest dropped first); 0 disables it");
    public static final Setting<Long> JOURNAL_BYTES = new Setting<>("journal-bytes", "33554432",
            Parser.longs(0, Long.MAX_VALUE), "memory the journal may hold in bytes, bodies included (oldest "
            + "dropped first; a body too large for it is kept as its start only)");
    public static final Setting<Boolean> OPENAI_SCHEMA_MEMBERS = new Setting<>("openai-schema-members", "true",
            Parser.bool(), "accept name/description/strict inside response_format.json_schema (OpenAI SDKs send them)");
    public static final Setting<Integer> RATE_LIMIT_RPM = new Setting<>("rate-limit-rpm", "0",
            Parser.ints(0, 10_000_000),
            "requests per minute allowed per bearer token (429 with Retry-After beyond it); 0 means no limit");
    public static final Setting<Long> RATE_LIMIT_TPM = new Setting<>("rate-limit-tpm", "0",
            Parser.longs(0, 1_000_000_000_000L),
            "tokens (prompt + completion) per minute allowed per bearer token; once used up, 429 with Retry-After "
                    + "until the minute frees some; 0 means no limit");
    public static final Setting<String> MODELS_FILE = new Setting<>("models-file", "", Parser.readableFile(),
            "JSON file shaped like GET /serverless/v1/models whose data[] replaces the built-in catalogue");
    public static final Setting<Boolean> LOG_REQUESTS = new Setting<>("log-requests", "true", Parser.bool(),
            "print one line per chat request (status, what the client got wrong) to standard output");
    public static final Setting<String> CORS_ORIGIN = new Setting<>("cors-origin", "", Parser.origin(),
            "answer browsers from this origin ('*' for any): CORS headers and OPTIONS preflights; empty: off");
    public static final Setting<UnparsedReasoning> UNPARSED_REASONING = new Setting<>("unparsed-reasoning", "drop",
            Parser.oneOf(UnparsedReasoning.class),
            "reasoning model without parse_reasoning: 'drop' answers without reasoning; 'inline' writes "
                    + "<think>...</think> ahead of the content");
    public static final Setting<UsageChunk> USAGE_CHUNK = new Setting<>("usage-chunk", "requested",
            Parser.oneOf(UsageChunk.class),
            "'requested': usage chunk only with stream_options.include_usage; 'always': in every stream");

    public static final Setting<Long> READ_TIMEOUT_MS = new Setting<>("read-timeout-ms", "30000",
            Parser.longs(100, 3_600_000),
            "longest wait for the rest of a request once it has begun: a body that stalls gets 408, a head the "
                    + "connection closed");
    public static final Setting<Long> IDLE_TIMEOUT_MS = new Setting<>("idle-timeout-ms", "60000",
            Parser.longs(100, 3_600_000), "an open connection that starts no request for this long is closed");
    public static final Setting<String> ADMIN_TOKEN = new Setting<>("admin-token", "", Parser.token(),
            "when set, every admin call must send 'X-Admin-Token: <token>' (else 401); empty: no token");
    public static final Setting<Set<String>> ADMIN_HOSTS = new Setting<>("admin-hosts", "", Parser.list(),
            "host names the admin API answers besides localhost and IP addresses (other Host headers get 403)");
    public static final Setting<Set<String>> FIXTURES = new Setting<>("fixtures", "", Parser.directories(),
            "directories of scenario files (*.json) loaded at start and reloaded when they change; repeatable, or "
                    + "comma-separated", true);
    public static final Setting<Boolean> FIXTURES_LENIENT = new Setting<>("fixtures-lenient", "false", Parser.bool(),
            "true: a fixture file that does not load is skipped with a warning; false: it stops the start");
    public static final Setting<String> RECORD_TO = new Setting<>("record-to", "", Parser.path(),
            "record mode: a directory (created if missing) where every chat exchange forwarded to --upstream is "
                    + "written as one recording file; empty: no recording");
    public static final Setting<String> UPSTREAM = new Setting<>("upstream", "", Parser.rootUrl(),
            "the root URL recorded exchanges are forwarded to, such as https://api.friendli.ai (request paths are "
                    + "kept); needs --record-to");
    public static final Setting<Double> REPLAY_SPEED = new Setting<>("replay-speed", "1", Parser.doubles(0, 1_000),
            "how fast recordings in --fixtures replay: 1 as recorded, 2 twice as fast, 0 without delays");
    public static final Setting<String> REPLAY_MISS = new Setting<>("replay-miss", "emulate",
            Parser.choice("emulate", "404"),
            "a request no recording matches: emulate (the emulator answers) or 404 (naming the closest recording)");
    public static final Setting<Set<String>> REPLAY_MATCH = new Setting<>("replay-match",
            "model,messages,stream,stream_options,tools,tool_choice,response_format,n,max_tokens,"
                    + "max_completion_tokens,temperature,top_p,top_k,stop,seed,logprobs,top_logprobs",
            Parser.list(), "request body members that must equal a recording's for it to answer (and the path)");

    private final String name;
    private final boolean repeatable;
    private final String defaultText;
    private final Parser<T> parser;
    private final String description;
    private final T defaultValue;

    private Setting(String name, String defaultText, Parser<T> parser, String description) {
        this(name, defaultText, parser, description, false);
    }

    private Setting(String name, String defaultText, Parser<T> parser, String description, boolean repeatable) {
        this.name = name;
        this.repeatable = repeatable;
        this.defaultText = defaultText;
        this.parser = parser;
        this.description = description;
        this.defaultValue = parse(defaultText, "default of " + flag());
        ALL.add(this);
    }

    /** Every setting, in the order of {@code --help} and the README table. */
    public static List<Setting<?>> values() {
        return VALUES;
    }

    /** The setting whose flag is {@code flag} (e.g. {@code --port}). */
    public static Optional<Setting<?>> byFlag(String flag) {
        return VALUES.stream().filter(s -> s.flag().equals(flag)).findFirst();
    }

    /** The name the other names derive from, e.g. {@code max-body-bytes}. */
    public String name() {
        return name;
    }

    /** Whether the flag may be given several times; the values are joined with commas. */
    public boolean repeatable() {
        return repeatable;
    }

    /** Command-line flag, e.g. {@code --port}. */
    public String flag() {
        return "--" + name;
    }

    /** System property, e.g. {@code friendli.mock.port}. */
    public String property() {
        return "friendli.mock." + name;
    }

    /** Environment variable, e.g. {@code FRIENDLI_MOCK_PORT}. */
    public String env() {
        return "FRIENDLI_MOCK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The default as it is written on the command line and in the README. */
    public String defaultText() {
        return defaultText;
    }

    /** The default value, {@link #defaultText()} parsed. */
    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** What the setting takes and which words it knows. */
    public Parser<T> parser() {
        return parser;
    }

    /**
     * Reads a value from text.
     *
     * @param source where the text came from, as the message should name it ({@code --port}, {@code -Dfriendli...})
     * @throws ConfigException naming the source, the text and the rule it broke
     */
    public T parse(String text, String source) {
        try {
            return parser.parse(text);
        } catch (Parser.Refused e) {
            throw new ConfigException(source + ": '" + text + "' " + e.getMessage());
        }
    }

    /**
     * Checks a value handed in directly (by the embedded builder).
     *
     * @throws ConfigException naming the flag, the value and the rule it broke
     */
    public T check(T value) {
        try {
            return parser.check(value);
        } catch (Parser.Refused e) {
            throw new ConfigException("setting " + flag() + ": '" + parser.format(value) + "' " + e.getMessage());
        }
    }

    /** The value written as its flag would take it. */
    public String format(T value) {
        return parser.format(value);
    }

    @Override
    public String toString() {
        return flag();
    }
}
