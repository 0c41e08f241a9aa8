package io.friendlikit.mock.config;

/**
 * Every setting of the mock server, with its command-line flag, system property and environment variable.
 * Precedence: flag &gt; system property &gt; environment variable &gt; default.
 */
public enum Setting {
    PORT("port", "8080", "TCP port; 0 picks a free one"),
    HOST("host", "127.0.0.1", "interface to bind"),
    TOKENS("tokens", "", "comma-separated accepted bearer tokens; empty accepts any non-empty token"),
    TEAMS("teams", "", "comma-separated allowed X-Friendli-Team values; empty allows any (others get 403)"),
    STRICT("strict", "true", "true: unknown request fields are a 422 'no such field'; false: ignored"),
    SEED("seed", "0", "server seed for ids and for text of requests that carry no seed"),
    MAX_BODY_BYTES("max-body-bytes", "1048576", "largest accepted request body in bytes (larger: 413)"),
    ERROR_ENVELOPE("error-envelope", "both",
            "error body: both (top-level message and OpenAI error object), message, or openai"),
    ENDPOINTS("endpoints", "dep0mockendpt01,dep0mockendpt01:my-adapter",
            "comma-separated dedicated endpoint ids (ID or ID:ADAPTER) that exist"),
    ADMIN("admin", "true", "serve the admin API under /__admin (faults, scenarios, journal)"),
    FIRST_TOKEN_MS("first-token-ms", "0", "delay before the first streamed chunk (and before a plain answer)"),
    INTER_TOKEN_MS("inter-token-ms", "0", "delay between streamed chunks"),
    CLOCK("clock", "system", "'system', or 'fixed:<unix seconds>' to pin every created timestamp"),
    JOURNAL_SIZE("journal-size", "1000", "requests kept in the journal (oldest dropped first); 0 disables it"),
    OPENAI_SCHEMA_MEMBERS("openai-schema-members", "true",
            "accept name/description/strict inside response_format.json_schema (OpenAI SDKs send them)"),
    RATE_LIMIT_RPM("rate-limit-rpm", "0",
            "requests per minute allowed per bearer token (429 with Retry-After beyond it); 0 means no limit"),
    MODELS_FILE("models-file", "",
            "JSON file shaped like GET /serverless/v1/models whose data[] replaces the built-in catalogue"),
    LOG_REQUESTS("log-requests", "true",
            "print one line per chat request (status, what the client got wrong) to standard output"),
    CORS_ORIGIN("cors-origin", "",
            "answer browsers from this origin ('*' for any): CORS headers and OPTIONS preflights; empty: off"),
    UNPARSED_REASONING("unparsed-reasoning", "drop",
            "reasoning model without parse_reasoning: 'drop' answers without reasoning; 'inline' writes "
                    + "<think>...</think> ahead of the content"),
    USAGE_CHUNK("usage-chunk", "requested",
            "'requested': usage chunk only with stream_options.include_usage; 'always': in every stream");

    private final String flag;
    private final String defaultValue;
    private final String description;

    Setting(String flag, String defaultValue, String description) {
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Command-line flag, e.g. {@code --port}. */
    public String flag() {
        return "--" + flag;
    }

    /** System property, e.g. {@code friendli.mock.port}. */
    public String property() {
        return "friendli.mock." + flag;
    }

    /** Environment variable, e.g. {@code FRIENDLI_MOCK_PORT}. */
    public String env() {
        return "FRIENDLI_MOCK_" + flag.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
