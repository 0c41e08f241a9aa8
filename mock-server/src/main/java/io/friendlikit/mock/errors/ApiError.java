package io.friendlikit.mock.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.friendlikit.mock.validation.RuleId;
import io.friendlikit.mock.validation.Violation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer before any byte of a response was sent. Built only by the named factories below, rendered
 * only by {@link ErrorRenderer}.
 *
 * @param status            HTTP status
 * @param type              OpenAI-style error type, e.g. {@code invalid_request_error}
 * @param message           human text naming the field and the rule
 * @param param             offending JSON path, or null
 * @param code              machine code, or null
 * @param violations        every broken rule (422 only; else empty)
 * @param retryAfterSeconds value of a Retry-After header, or null
 * @param allow             value of an Allow header (405 only), or null
 * @param headers           further response headers (lower-case names), in order: retry hints, rate-limit counters
 */
public record ApiError(int status, String type, String message, String param, String code,
                       List<Violation> violations, Integer retryAfterSeconds, String allow,
                       Map<String, String> headers) {

    public ApiError {
        violations = List.copyOf(violations);
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public ApiError(int status, String type, String message, String param, String code, List<Violation> violations,
                    Integer retryAfterSeconds, String allow) {
        this(status, type, message, param, code, violations, retryAfterSeconds, allow, Map.of());
    }

    /** This error with {@code more} headers beside its own (its own win where both name one). */
    public ApiError withHeaders(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(more);
        all.putAll(headers);
        return new ApiError(status, type, message, param, code, violations, retryAfterSeconds, allow, all);
    }

    public static ApiError invalidRequest(List<Violation> violations) {
        Violation first = violations.get(0);
        String message = first.message();
        if (violations.size() > 1) {
            message = message + " (and " + (violations.size() - 1) + " more: see violations)";
        }
        return new ApiError(422, "invalid_request_error", message, first.param(), first.code(), violations, null,
                null);
    }

    public static ApiError malformedJson(String detail) {
        Violation v = new Violation(null, "invalid JSON payload: " + detail, Violation.Codes.INVALID_JSON,
                RuleId.VAL_JSON);
        return invalidRequest(List.of(v));
    }

    /** A body the JSON parser refused: its reason in a few words, with line and column, no parser internals. */
    public static ApiError malformedJson(JsonProcessingException e) {
        return malformedJson(JsonSyntaxReason.of(e));
    }

    /**
     * A request the mock refuses at the HTTP level (framing, duplicate headers), before reading it as a chat request;
     * {@code param} names the header at fault. The connection is closed after the answer.
     */
    public static ApiError badRequest(String param, String message) {
        return new ApiError(400, "invalid_request_error", message, param, "bad_request", List.of(), null, null);
    }

    /**
     * A request the HTTP layer could not parse at all (request line, header syntax, a head over the size limit);
     * {@code status} and {@code reason} are what the HTTP server answered.
     */
    public static ApiError malformedHttp(int status, String reason) {
        String what = reason == null || reason.isBlank() || reason.equalsIgnoreCase("Bad Request")
                ? "the request line or a header is not valid HTTP/1.1 (RFC 9112), or the head is too large"
                : reason;
        String type = status >= 500 ? "server_error" : "invalid_request_error";
        return new ApiError(status, type, "malformed HTTP request: " + what, null,
                status >= 500 ? "internal_error" : "bad_request", List.of(), null, null);
    }

    /** The body stopped arriving: nothing came for {@code timeoutMs} before the request was complete. */
    public static ApiError requestTimeout(long timeoutMs) {
        return new ApiError(408, "invalid_request_error", "the request body did not arrive: no data for "
                + timeoutMs + " ms before it was complete (e.g. a Content-Length larger than the body sent)", null,
                "request_timeout", List.of(), null, null);
    }

    /** Admin API: the Host header (or the Origin of a browser page) names a host the admin API does not answer. */
    public static ApiError adminHostRefused(String header, String value) {
        return new ApiError(403, "permission_error", "the admin API answers only localhost, IP addresses and "
                + "--admin-hosts; " + header + " '" + value + "' is none of them", header, "admin_host_refused",
                List.of(), null, null);
    }

    /** Admin API: {@code --admin-token} is set and the call did not send it. */
    public static ApiError adminTokenRequired(boolean sent) {
        return new ApiError(401, "authentication_error", (sent ? "wrong" : "missing")
                + " X-Admin-Token header: this mock requires its --admin-token on every admin call", "X-Admin-Token",
                "invalid_admin_token", List.of(), null, null);
    }

    /** Admin API: a body (or a declared Content-Type) that is not {@code application/json}. */
    public static ApiError adminNotJson(String contentType) {
        return new ApiError(415, "invalid_request_error", "admin requests with a body must be sent as "
                + "'Content-Type: application/json', got " + (contentType == null ? "no Content-Type"
                        : "'" + contentType + "'"), "Content-Type", "unsupported_media_type", List.of(), null, null);
    }

    public static ApiError unauthorized(String reason) {
        return new ApiError(401, "authentication_error", reason, null, "invalid_api_key", List.of(), null, null);
    }

    public static ApiError forbiddenTeam(String team) {
        return new ApiError(403, "permission_error",
                "team '" + team + "' (X-Friendli-Team) is not accessible with this token", "X-Friendli-Team",
                "permission_denied", List.of(), null, null);
    }

    public static ApiError modelNotFound(String model) {
        return new ApiError(404, "not_found_error",
                "model '" + model + "' does not exist; GET /serverless/v1/models lists the available models",
                "model", "model_not_found", List.of(), null, null);
    }

    public static ApiError endpointNotFound(String endpoint) {
        return new ApiError(404, "not_found_error",
                "dedicated endpoint '" + endpoint + "' does not exist (model must be ENDPOINT_ID or "
                        + "ENDPOINT_ID:ADAPTER_ROUTE of an existing endpoint)",
                "model", "endpoint_not_found", List.of(), null, null);
    }

    public static ApiError routeNotFound(String method, String path) {
        return new ApiError(404, "not_found_error", "no route for " + method + " " + path, null, "route_not_found",
                List.of(), null, null);
    }

    /**
     * Replay with misses answered 404: no loaded recording matches the request. Names the closest recording and the
     * request members in which it differs, so a user sees which part of the request changed since the recording.
     */
    public static ApiError noRecording(String closestFile, List<String> differs, List<String> matchedOn) {
        String closest = closestFile == null ? "no recordings are loaded"
                : "closest: " + closestFile + " (differs in " + String.join(", ", differs) + ")";
        return new ApiError(404, "not_found_error", "no recording matches this request (matched on the path and "
                + String.join(", ", matchedOn) + "); " + closest, differs.isEmpty() ? null : differs.get(0),
                "no_recording", List.of(), null, null);
    }

    /** Record mode: the upstream did not answer. */
    public static ApiError upstreamUnreachable(String url, String reason) {
        return new ApiError(502, "api_error", "the upstream " + url + " did not answer: " + reason, null,
                "upstream_unreachable", List.of(), null, null);
    }

    public static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new ApiError(405, "invalid_request_error",
                "method " + method + " is not allowed on " + path + "; allowed: " + allowed, null,
                "method_not_allowed", List.of(), null, allowed);
    }

    public static ApiError payloadTooLarge(long limit) {
        return new ApiError(413, "invalid_request_error",
                "request body is larger than the limit of " + limit + " bytes", null, "payload_too_large",
                List.of(), null, null);
    }

    public static ApiError unsupportedMediaType(String contentType) {
        Violation v = new Violation(null,
                "invalid JSON payload: Content-Type must be application/json, got '" + contentType + "'",
                Violation.Codes.INVALID_JSON, RuleId.VAL_JSON);
        return invalidRequest(List.of(v));
    }

    public static ApiError contextLengthExceeded(String param, int promptTokens, Long maxTokens, int context) {
        String message = maxTokens == null
                ? "messages: the prompt has " + promptTokens + " tokens, more than the model's context length of "
                        + context
                : "max_tokens: prompt tokens (" + promptTokens + ") + max_tokens (" + maxTokens
                        + ") must not exceed the model's context length of " + context;
        return invalidRequest(List.of(new Violation(param, message, Violation.Codes.CONTEXT_LENGTH,
                RuleId.X_CONTEXT_LENGTH)));
    }

    /** The request would make the mock generate more than it allows in one answer (a mock limit, not the API's). */
    public static ApiError generationLimit(long requested, long limit) {
        String message = "n x tokens per choice x (1 + top_logprobs) could reach " + requested
                + " generated tokens; the mock produces at most " + limit
                + " per request (a limit of the mock: lower n, max_tokens, min_tokens or top_logprobs)";
        return invalidRequest(List.of(new Violation("n", message, Violation.Codes.MOCK_LIMIT, RuleId.MOCK_LIMIT)));
    }

    public static ApiError streamLimit(long chunks, long limit) {
        String message = "this answer would stream " + chunks + " chunks; the mock streams at most " + limit
                + " per response (a limit of the mock: lower n or max_tokens, or do not stream)";
        return invalidRequest(List.of(new Violation("stream", message, Violation.Codes.MOCK_LIMIT,
                RuleId.MOCK_LIMIT)));
    }

    public static ApiError rateLimited(int perMinute, long retryAfterSeconds) {
        return new ApiError(429, "rate_limit_error", "rate limit of " + perMinute
                + " requests per minute exceeded for this token; retry after " + retryAfterSeconds + " s", null,
                "rate_limit_exceeded", List.of(), (int) retryAfterSeconds, null);
    }

    /** Over the tokens-per-minute limit of this bearer token (prompt + completion tokens of the last minute). */
    public static ApiError tokenRateLimited(long perMinute, long usedTokens, long retryAfterSeconds) {
        return new ApiError(429, "rate_limit_error", "rate limit of " + perMinute
                + " tokens per minute exceeded for this token (" + usedTokens + " used in the last minute); retry after "
                + retryAfterSeconds + " s", null, "rate_limit_exceeded", List.of(), (int) retryAfterSeconds, null);
    }

    /**
     * A scripted 429 (fault {@code rate_limit}) shaped as the request limiter's own: the same envelope, Retry-After,
     * and the counters of an exhausted limit.
     */
    public static ApiError scriptedRateLimit(int perMinute, int retryAfterSeconds, Map<String, String> headers) {
        return new ApiError(429, "rate_limit_error", "rate limit of " + perMinute
                + " requests per minute exceeded for this token; retry after " + retryAfterSeconds + " s", null,
                "rate_limit_exceeded", List.of(), retryAfterSeconds, null, headers);
    }

    /** The mock holds as much streamed text as it allows; new streams wait (a limit of the mock). */
    public static ApiError busy(long budgetMiB) {
        return new ApiError(429, "rate_limit_error", "the mock is holding " + budgetMiB
                + " MiB of open streams, its limit (a quarter of its heap); retry when some have finished", null,
                "mock_busy", List.of(), 1, null);
    }

    /** The legacy timeout_microseconds expired before the answer was complete (docs/api-notes.md §10.4: HTTP 429). */
    public static ApiError timedOut(long timeoutMicros, long neededMillis) {
        return new ApiError(429, "rate_limit_error", "the request did not complete within timeout_microseconds ("
                + timeoutMicros + " us); the answer needs about " + neededMillis + " ms", "timeout_microseconds",
                "timeout", List.of(), null, null);
    }

    /** An error a user scripted through the admin API (fault {@code http_error}). */
    public static ApiError injected(int status, String message, Integer retryAfterSeconds) {
        return injected(status, message, retryAfterSeconds, Map.of());
    }

    /** An error a user scripted, with further headers (retry hints such as {@code retry-after-ms}). */
    public static ApiError injected(int status, String message, Integer retryAfterSeconds,
                                    Map<String, String> headers) {
        String type = switch (status) {
            case 429 -> "rate_limit_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        return new ApiError(status, type, message, null, "injected_fault", List.of(), retryAfterSeconds, null,
                headers);
    }

    public static ApiError internal(String message) {
        return new ApiError(500, "server_error", message, null, "internal_error", List.of(), null, null);
    }

    /**
     * A chat request whose mock-control header ({@code X-Mock-Fault}, {@code X-Mock-Session},
     * {@code X-Mock-Scenario}) is bad; {@code message} starts with the header's name and says the rule.
     */
    public static ApiError badMockHeader(String header, String message) {
        return new ApiError(400, "invalid_request_error", message, header, "invalid_mock_header", List.of(), null,
                null);
    }

    /** Admin API: a bad admin request (not a chat request); {@code message} names the member and the rule. */
    public static ApiError badAdminRequest(String param, String message) {
        return new ApiError(400, "invalid_request_error", message, param, "invalid_admin_request", List.of(), null,
                null);
    }

    /** Admin API: a member (or query parameter) the operation does not know. */
    public static ApiError unknownAdminMember(String member, java.util.Collection<String> known) {
        return badAdminRequest(member, member + ": no such member here; known: "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
    }

    /** Admin API: a member whose value has the wrong JSON type, e.g. a string where an integer belongs. */
    public static ApiError mistypedAdminMember(String member, String expected, String got) {
        return badAdminRequest(member, member + ": must be " + expected + ", got " + got);
    }
}
